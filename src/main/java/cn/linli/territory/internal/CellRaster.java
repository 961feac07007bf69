package cn.linli.territory.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.ToIntBiFunction;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.util.LinearComponentExtracter;

/**
 * A raster over the city that answers most point lookups with one array read: every cell that no boundary crosses
 * lies inside exactly one polygon (the polygons tile the city), so it remembers that polygon; cells that a boundary
 * crosses answer "ask the tree". Built by marking the cells each edge passes through and flood-filling the rest,
 * locating one cell per filled region, so a rebuild costs tens of milliseconds.
 */
final class CellRaster {

    static final int CROSSED = -1;
    static final int OUTSIDE = -2;

    private final Envelope extent;
    private final double cellWidth;
    private final double cellHeight;
    private final int columns;
    private final int rows;
    private final int[] cells;

    /**
     * @param polygons the tiling polygons (the current grids)
     * @param locate   which polygon (index into {@code polygons}) covers a point, or a negative number
     */
    CellRaster(List<Geometry> polygons, Envelope extent, int maxCellsPerSide, ToIntBiFunction<Double, Double> locate) {
        this.extent = extent;
        double side = Math.max(extent.getWidth(), extent.getHeight()) / maxCellsPerSide;
        this.cellWidth = side;
        this.cellHeight = side;
        this.columns = Math.max(1, (int) Math.ceil(extent.getWidth() / side));
        this.rows = Math.max(1, (int) Math.ceil(extent.getHeight() / side));
        this.cells = new int[columns * rows];
        java.util.Arrays.fill(cells, Integer.MIN_VALUE);
        for (Geometry polygon : polygons) markEdges(polygon);
        fillRegions(locate);
    }

    /** The index of the polygon that surely covers the point, {@link #CROSSED} or {@link #OUTSIDE}. */
    int lookup(double x, double y) {
        int column = (int) ((x - extent.getMinX()) / cellWidth);
        int row = (int) ((y - extent.getMinY()) / cellHeight);
        if (column < 0 || row < 0 || column >= columns || row >= rows) return OUTSIDE;
        return cells[row * columns + column];
    }

    private void markEdges(Geometry polygon) {
        for (Object line : LinearComponentExtracter.getLines(polygon)) {
            Coordinate[] ring = ((LineString) line).getCoordinates();
            for (int i = 1; i < ring.length; i++) markSegment(ring[i - 1], ring[i]);
        }
    }

    /**
     * Marks every cell the segment passes through, walking from cell to cell where the segment crosses a cell
     * side (Amanatides and Woo's traversal); near a corner both neighbours are marked, so rounding cannot skip one.
     */
    private void markSegment(Coordinate a, Coordinate b) {
        double x0 = (a.x - extent.getMinX()) / cellWidth;
        double y0 = (a.y - extent.getMinY()) / cellHeight;
        double x1 = (b.x - extent.getMinX()) / cellWidth;
        double y1 = (b.y - extent.getMinY()) / cellHeight;
        int column = (int) Math.floor(x0);
        int row = (int) Math.floor(y0);
        int lastColumn = (int) Math.floor(x1);
        int lastRow = (int) Math.floor(y1);
        double dx = x1 - x0;
        double dy = y1 - y0;
        int stepX = dx > 0 ? 1 : -1;
        int stepY = dy > 0 ? 1 : -1;
        double tMaxX = dx == 0 ? Double.POSITIVE_INFINITY : ((stepX > 0 ? column + 1 : column) - x0) / dx;
        double tMaxY = dy == 0 ? Double.POSITIVE_INFINITY : ((stepY > 0 ? row + 1 : row) - y0) / dy;
        double tDeltaX = dx == 0 ? Double.POSITIVE_INFINITY : Math.abs(1 / dx);
        double tDeltaY = dy == 0 ? Double.POSITIVE_INFINITY : Math.abs(1 / dy);
        mark(column, row);
        int steps = Math.abs(lastColumn - column) + Math.abs(lastRow - row) + 2;
        while ((column != lastColumn || row != lastRow) && steps-- > 0) {
            if (Math.abs(tMaxX - tMaxY) < 1e-9) {
                mark(column + stepX, row);
                mark(column, row + stepY);
                column += stepX;
                row += stepY;
                tMaxX += tDeltaX;
                tMaxY += tDeltaY;
            } else if (tMaxX < tMaxY) {
                column += stepX;
                tMaxX += tDeltaX;
            } else {
                row += stepY;
                tMaxY += tDeltaY;
            }
            mark(column, row);
        }
    }

    private void mark(int column, int row) {
        if (column >= 0 && row >= 0 && column < columns && row < rows) cells[row * columns + column] = CROSSED;
    }

    private void fillRegions(ToIntBiFunction<Double, Double> locate) {
        var queue = new ArrayDeque<Integer>();
        for (int start = 0; start < cells.length; start++) {
            if (cells[start] != Integer.MIN_VALUE) continue;
            double x = extent.getMinX() + (start % columns + 0.5) * cellWidth;
            double y = extent.getMinY() + (start / columns + 0.5) * cellHeight;
            int owner = locate.applyAsInt(x, y);
            int value = owner >= 0 ? owner : OUTSIDE;
            cells[start] = value;
            queue.add(start);
            while (!queue.isEmpty()) {
                int cell = queue.poll();
                int column = cell % columns;
                if (column > 0) visit(cell - 1, value, queue);
                if (column < columns - 1) visit(cell + 1, value, queue);
                if (cell >= columns) visit(cell - columns, value, queue);
                if (cell + columns < cells.length) visit(cell + columns, value, queue);
            }
        }
    }

    private void visit(int cell, int value, ArrayDeque<Integer> queue) {
        if (cells[cell] == Integer.MIN_VALUE) {
            cells[cell] = value;
            queue.add(cell);
        }
    }
}
