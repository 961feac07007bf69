package cn.linli.territory.internal.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The first step of the township layout: one convex cell per lobe of a county (or of a group of counties laid
 * out together, see {@link Lobes}) inside the city's domain. A lobe's cell holds its seats, then its towns' and
 * villages' points as far as power cells can ({@link SiteSeparation}, {@link AnchorConstraints}). Sea patches take
 * the part of the domain that is not city; a sea that would leave a hole or split the city is given back to
 * the others and the layout repeated.
 */
final class CountyLayout {

    private static final int ITERATIONS = 14;
    /** How far (km) beyond the urban core the suburb reaches at least. */
    private static final double CORE_RING = 2.5;

    private final List<TownshipLayout.County> counties;
    private final List<TownshipLayout.Lobe> units;
    private final double margin;

    CountyLayout(List<TownshipLayout.County> counties, List<TownshipLayout.Lobe> lobes, double margin) {
        this.counties = counties;
        this.units = lobes;
        this.margin = margin;
    }

    List<ConvexPolygon> layout(double cityArea) {
        List<PlanePoint> references = new ArrayList<>();
        List<PlanePoint> centres = new ArrayList<>();
        List<List<PlanePoint>> anchors = new ArrayList<>();
        List<Double> areas = new ArrayList<>();
        List<PlanePoint> ring = new ArrayList<>();
        for (TownshipLayout.Lobe lobe : units) {
            List<Integer> unit = lobe.counties();
            List<PlanePoint> known = new ArrayList<>();
            List<PlanePoint> own = new ArrayList<>();
            List<PlanePoint> core = new ArrayList<>();
            double area = lobe.townships().stream().mapToDouble(TownshipLayout.Township::targetArea).sum();
            for (int c : unit) {
                TownshipLayout.County county = counties.get(c);
                if (county.point() != null && lobe.main()) {
                    known.add(county.point());
                    own.add(county.point());
                    if (county.core()) {
                        core.add(county.point());
                    }
                }
            }
            for (TownshipLayout.Township t : lobe.townships()) {
                PlanePoint p = t.point() != null ? t.point() : t.hint();
                if (p != null) {
                    known.add(p);
                }
                // the city reaches every village whose place is known, however far out
                known.addAll(t.communities());
            }
            if (!core.isEmpty()) {
                ring.addAll(ringAround(PlanePoint.meanOf(core), unit));
                own.addAll(ring);
            }
            references.addAll(known);
            // a site starts amid its seats; where its towns' points call for it, SiteSeparation moves it
            centres.add(!own.isEmpty() ? PlanePoint.meanOf(own) : known.isEmpty() ? null : PlanePoint.meanOf(known));
            anchors.add(lobe.loose() ? new ArrayList<>() : own);
            areas.add(area);
        }
        holdTownships(anchors);
        ConvexPolygon outline = CityDomain.around(references, cityArea);
        // a ring point that lies outside the city, or nearer to another county's seat, cannot be had
        for (int u = 0; u < units.size(); u++) {
            int unit = u;
            anchors.get(u).removeIf(p -> ring.contains(p) && (outline.insideDistance(p.x(), p.y()) < 3 * margin
                    || nearestAnchorOwner(anchors, p) != unit));
        }
        List<OpenLand.Sea> seas = new OpenLand(outline, references).seas(outline.area() - cityArea);
        while (true) {
            List<PowerPartition.Site> sites = new ArrayList<>();
            for (int u = 0; u < units.size(); u++) {
                PlanePoint centre = centres.get(u) != null ? centres.get(u) : outline.centroid();
                sites.add(new PowerPartition.Site(areas.get(u), anchors.get(u), null, centre));
            }
            for (OpenLand.Sea sea : seas) {
                sites.add(new PowerPartition.Site(sea.area(), List.of(), sea.site(), sea.site(), true));
            }
            // a lobe's site stays where its points can be held: drifting towards its cell's centre, it took the
            // border with it and left lobes pinned at several times, or a fraction of, their size
            List<ConvexPolygon> cells = new PowerPartition(outline, sites, margin).anchoredSitesStay().relax(ITERATIONS)
                    .cells();
            List<OpenLand.Sea> misplaced = new MisplacedSeas(cells, units.size(), seas).find();
            if (misplaced.isEmpty()) {
                return cells.subList(0, units.size());
            }
            seas = MisplacedSeas.withoutThem(seas, misplaced);
        }
    }

    /**
     * A county's cell also holds its towns' and villages' points where it can: after its seat and ring, which
     * come first, so that a conflict gives up a town or village rather than a seat ({@link SiteSeparation}).
     */
    private void holdTownships(List<List<PlanePoint>> anchors) {
        for (int u = 0; u < units.size(); u++) {
            if (units.get(u).loose()) {
                continue;
            }
            List<PlanePoint> villages = new ArrayList<>();
            for (TownshipLayout.Township township : units.get(u).townships()) {
                if (township.point() != null && !anchors.get(u).contains(township.point())) {
                    anchors.get(u).add(township.point());
                }
                villages.addAll(township.communities());
            }
            for (PlanePoint p : villages) {
                if (!anchors.get(u).contains(p)) {
                    anchors.get(u).add(p);
                }
            }
        }
    }

    /**
     * Points around the urban core that the districts' cell must contain as well, so that the suburb has room to
     * wrap around the core: without them a neighbouring county's border could run right past the core.
     */
    private List<PlanePoint> ringAround(PlanePoint centre, List<Integer> unit) {
        // the core's own size, not the lobe's
        double coreArea = unit.stream().map(counties::get).filter(TownshipLayout.County::core)
                .mapToDouble(TownshipLayout.County::area).sum();
        double radius = Math.sqrt(coreArea / Math.PI) + CORE_RING;
        List<PlanePoint> ring = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            double angle = Math.PI / 4 * k;
            ring.add(new PlanePoint(centre.x() + radius * StrictMath.cos(angle), centre.y() + radius * StrictMath.sin(angle)));
        }
        return ring;
    }

    private static int nearestAnchorOwner(List<List<PlanePoint>> anchors, PlanePoint p) {
        int owner = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int u = 0; u < anchors.size(); u++) {
            for (PlanePoint a : anchors.get(u)) {
                if (a != p && a.distanceTo(p) < best) {
                    best = a.distanceTo(p);
                    owner = u;
                }
            }
        }
        return owner;
    }
}
