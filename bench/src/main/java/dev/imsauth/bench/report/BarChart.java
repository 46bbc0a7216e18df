package dev.imsauth.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A two-panel bar chart drawn with Java2D (no plotting library on a headless machine): throughput of
 * each variant relative to bare on the left, p50 and p99 latency on the right.
 */
final class BarChart {
    private static final Color[] SERIES = {new Color(0x4C78A8), new Color(0xF58518), new Color(0x54A24B), new Color(0xB279A2)};
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Color TEXT = new Color(0x222222);

    /** One variant's numbers. */
    record Bar(String label, double requestsPerSecond, double ratio, double p50Micros, double p99Micros) {
    }

    private BarChart() {
    }

    static void write(Path png, String title, List<Bar> bars) throws IOException {
        int width = 1000;
        int height = 460;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        g.drawString(title, 20, 28);

        double maxRatio = niceMax(Math.max(1.1, bars.stream().mapToDouble(Bar::ratio).max().orElse(1) * 1.1));
        panel(g, 20, 50, 460, 380, "Requests/s relative to bare (higher is better)", maxRatio, bars.size(), 1,
                (i, s) -> bars.get(i).ratio(), v -> String.format(java.util.Locale.ROOT, "%.2f×", v), bars,
                new String[] {"× bare"}, true);
        double maxLatency = niceMax(bars.stream().mapToDouble(Bar::p99Micros).max().orElse(1) / 1000 * 1.15);
        panel(g, 520, 50, 460, 380, "Latency in ms (lower is better)", maxLatency, bars.size(), 2,
                (i, s) -> (s == 0 ? bars.get(i).p50Micros() : bars.get(i).p99Micros()) / 1000,
                v -> String.format(java.util.Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v), bars, new String[] {"p50", "p99"}, false);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code v}. */
    private static double niceMax(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private interface Value {
        double of(int bar, int series);
    }

    private interface Format {
        String of(double v);
    }

    private static void panel(Graphics2D g, int x, int y, int w, int h, String title, double max, int groups, int series,
                              Value value, Format format, List<Bar> bars, String[] seriesNames, boolean oneLine) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.setColor(TEXT);
        g.drawString(title, x, y + 14);
        int left = x + 50;
        int top = y + 50;
        int bottom = y + h - 40;
        int right = x + w - 10;
        int plotH = bottom - top;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (int t = 0; t <= 4; t++) {
            double v = max * t / 4;
            int yy = bottom - (int) (plotH * v / max);
            g.setColor(GRID);
            g.drawLine(left, yy, right, yy);
            g.setColor(TEXT);
            String s = format.of(v);
            g.drawString(s, left - 6 - fm.stringWidth(s), yy + 4);
        }
        if (oneLine) {
            int yy = bottom - (int) (plotH / max);
            g.setColor(new Color(0xCC3333));
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
            g.drawLine(left, yy, right, yy);
            g.setStroke(new BasicStroke(1));
        }
        int groupW = (right - left) / groups;
        int barW = Math.min(60, (groupW - 20) / series);
        for (int i = 0; i < groups; i++) {
            int gx = left + i * groupW + (groupW - barW * series) / 2;
            for (int s = 0; s < series; s++) {
                double v = value.of(i, s);
                int bh = (int) (plotH * v / max);
                g.setColor(series == 1 ? SERIES[i % SERIES.length] : SERIES[s]);
                g.fillRect(gx + s * barW, bottom - bh, barW - 4, bh);
                g.setColor(TEXT);
                String label = format.of(v);
                g.drawString(label, gx + s * barW + (barW - 4 - fm.stringWidth(label)) / 2, bottom - bh - 4);
            }
            String name = bars.get(i).label();
            g.drawString(name, left + i * groupW + (groupW - fm.stringWidth(name)) / 2, bottom + 16);
        }
        g.setColor(TEXT);
        g.drawLine(left, bottom, right, bottom);
        if (series > 1) {
            int lx = right - 110;
            for (int s = 0; s < series; s++) {
                g.setColor(SERIES[s]);
                g.fillRect(lx + s * 55, top - 24, 12, 12);
                g.setColor(TEXT);
                g.drawString(seriesNames[s], lx + s * 55 + 16, top - 14);
            }
        }
    }
}
