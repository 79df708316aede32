package flags2.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * The x-axis ticks of a {@link BenchChart}: a mark and a label under the plot at each measured
 * level, in the chart's tick style. XChart's logarithmic axis puts its ticks at 1, 2, ... 10, 20,
 * ... and cannot be told where; as an annotation this is painted after the plot, in the room the
 * blanked tick labels keep. Labels are outlines, as XChart draws all its text.
 */
final class LevelTicks extends Annotation {
  private static final int MARK = 5;
  private static final int GAP = 3;

  private final List<Integer> levels;

  LevelTicks(List<Integer> levels) {
    super(false);
    this.levels = levels;
  }

  @Override
  public void paint(Graphics2D g) {
    AxesChartStyler style = (AxesChartStyler) styler;
    Object antialiasing = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    int top = getYAxisScreenValueForMax(); // the plot's bottom edge, on screen
    Rectangle2D drawn = null;
    for (int level : levels) {
      double x = getXAxisScreenValue(level);
      g.setColor(style.getAxisTickMarksColor());
      g.setStroke(style.getAxisTickMarksStroke());
      g.draw(new Line2D.Double(x, top, x, top + MARK));
      TextLayout text =
          new TextLayout(
              String.valueOf(level), style.getAxisTickLabelsFont(), g.getFontRenderContext());
      Rectangle2D size = text.getBounds();
      double left = x - size.getWidth() / 2 - size.getX();
      double baseline = top + MARK + GAP + size.getHeight();
      Shape label = text.getOutline(AffineTransform.getTranslateInstance(left, baseline));
      g.setColor(style.getAxisTickLabelsColor());
      g.fill(label);
      Rectangle2D box = label.getBounds2D().createUnion(new Rectangle2D.Double(x, top, 0, MARK));
      drawn = drawn == null ? box : drawn.createUnion(box);
    }
    bounds = drawn;
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialiasing);
  }
}
