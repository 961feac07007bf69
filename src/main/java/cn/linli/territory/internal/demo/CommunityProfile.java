package cn.linli.territory.internal.demo;

import java.util.List;
import java.util.SplittableRandom;

import cn.linli.shared.DivisionCode;

/**
 * What the layout needs to know about one community: the households of each of its grids and the land it
 * takes (km², before the city total is calibrated). Urban communities (residents' committees, village digits
 * 001–199) are split into grids of about 200–300 households, the city's grid standard, with a few grids
 * outside that band as real cities have; villages and similar units are one grid, or two when large.
 */
record CommunityProfile(boolean urban, List<Integer> gridHouseholds, double targetArea) {

    private static final double OUT_OF_BAND_SHARE = 0.055;
    private static final int LARGE_VILLAGE = 600;

    static CommunityProfile draw(String code, CountySetting setting, long seed) {
        DivisionCode division = DivisionCode.of(code);
        int village = division.villageDigits();
        int township = division.townshipDigits();
        SplittableRandom random = Seeds.random(seed, "households", code);
        if (village >= 1 && village <= 199) {
            return urban(township, setting, random);
        }
        return rural(village, setting, random);
    }

    private static CommunityProfile urban(int township, CountySetting setting, SplittableRandom random) {
        boolean street = township < 100;
        double meanGrids;
        double gridArea;
        if (street && setting.isDistrict()) {
            meanGrids = 6.4;
            gridArea = setting.kind() == CountySetting.Kind.CORE_DISTRICT ? 0.11 : 0.14;
        } else if (street) {
            meanGrids = 4.6;
            gridArea = 0.2;
        } else if (township < 200) {
            meanGrids = 2.6;
            gridArea = 0.35;
        } else {
            meanGrids = 2.0;
            gridArea = 0.5;
        }
        int grids = Math.max(1, (int) Math.round(meanGrids * (0.55 + 0.9 * random.nextDouble())));
        Integer[] households = new Integer[grids];
        for (int g = 0; g < grids; g++) {
            households[g] = gridHouseholds(random);
        }
        return new CommunityProfile(true, List.of(households), grids * gridArea);
    }

    /** Mostly inside the 200–300 standard (peaking at 250); a few grids just below or above it. */
    private static int gridHouseholds(SplittableRandom random) {
        if (random.nextDouble() < OUT_OF_BAND_SHARE) {
            return random.nextBoolean() ? 170 + random.nextInt(30) : 301 + random.nextInt(40);
        }
        return 200 + (random.nextInt(51) + random.nextInt(51));
    }

    private static CommunityProfile rural(int village, CountySetting setting, SplittableRandom random) {
        boolean proper = village >= 200 && village <= 399;
        double median = proper ? 380 : 260;
        double gaussian = StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()))
                * StrictMath.cos(2 * Math.PI * random.nextDouble());
        int households = (int) Math.round(Math.max(40, Math.min(1800, median * StrictMath.exp(0.45 * gaussian))));
        List<Integer> grids;
        if (households > LARGE_VILLAGE) {
            int first = (int) Math.round(households * (0.42 + 0.16 * random.nextDouble()));
            grids = List.of(first, households - first);
        } else {
            grids = List.of(households);
        }
        double area;
        if (setting.kind() == CountySetting.Kind.CORE_DISTRICT) {
            area = proper ? 1.2 : 1.0;
        } else {
            double base = proper ? 14 * StrictMath.pow(households / 380.0, 0.3) : 25;
            area = base * setting.remoteness();
        }
        return new CommunityProfile(false, grids, area);
    }

    int households() {
        return gridHouseholds.stream().mapToInt(Integer::intValue).sum();
    }
}
