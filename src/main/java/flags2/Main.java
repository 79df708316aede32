package flags2;

/** The process entry point: the only place that ends the process. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.run(args, Env.system()));
  }
}
