package cn.linli.territory.internal.demo;

import java.util.SplittableRandom;

/**
 * Derived random seeds. Every unit draws from its own stream, seeded from the generator seed and the unit's
 * code, so a result never depends on the order in which units happen to be visited.
 */
final class Seeds {

    private Seeds() {
    }

    static long mix(long seed, long salt) {
        long z = seed + salt * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long mix(long seed, String key) {
        long h = 1125899906842597L;
        for (int i = 0; i < key.length(); i++) {
            h = 31 * h + key.charAt(i);
        }
        return mix(seed, h);
    }

    static SplittableRandom random(long seed, String purpose, String code) {
        return new SplittableRandom(mix(mix(seed, purpose), code));
    }

    static long lattice(long seed, long ix, long iy) {
        return mix(mix(seed, ix), iy);
    }
}
