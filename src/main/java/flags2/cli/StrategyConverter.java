package flags2.cli;

import flags2.strategy.StrategyKind;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a strategy name, case-insensitively; its {@link Names} feed help and completion. */
final class StrategyConverter implements ITypeConverter<StrategyKind> {
  @Override
  public StrategyKind convert(String value) {
    for (StrategyKind kind : StrategyKind.values()) {
      if (kind.cliName().equalsIgnoreCase(value)) {
        return kind;
      }
    }
    throw new TypeConversionException(
        "'" + value + "' is not a strategy; expected one of " + String.join(", ", new Names()));
  }

  /** The strategy names, in declaration order. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(StrategyKind.values()).map(StrategyKind::cliName).iterator();
    }
  }
}
