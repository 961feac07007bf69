package cn.linli.access.internal.crypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the {@link Protector} from {@code linli.protection}. In demo mode without keys it uses {@link #DEMO_KEY}, a
 * key published in this source file and therefore no protection at all, and says so in the log. In production
 * mode a missing, short or published key stops the start.
 */
@Configuration(proxyBeanMethods = false)
class ProtectionConfiguration {

    /** The demo key (SHA-256 of "linli-demo-protection-key-not-for-production"): public, so never for real data. */
    static final String DEMO_KEY = "0oOjNMNfBHaj4h7SEY2K8KM2lr5P/rdOuiChnGbVvVA=";
    /** 256 bits: the strength of AES-256; SM4 takes 128 of the derived bits. */
    static final int MIN_KEY_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(ProtectionConfiguration.class);

    @Bean
    Protector protector(ProtectionSettings settings, @Value("${linli.demo.enabled:true}") boolean demo) {
        CipherSuite suite = CipherSuite.byId(settings.algorithm());
        return new Protector(suite, keyRing(settings, demo));
    }

    static KeyRing keyRing(ProtectionSettings settings, boolean demo) {
        if (settings.keys().isEmpty() && demo) {
            log.warn("Personal data is encrypted with the PUBLIC demo key (linli.demo.enabled=true and no "
                    + "linli.protection.keys.*). Never store real residents' data in this installation.");
            return new KeyRing(Map.of(1, Base64.getDecoder().decode(DEMO_KEY)), 1, 1);
        }
        Map<Integer, byte[]> masters = new HashMap<>();
        settings.keys().forEach((version, text) -> {
            if (text != null && !text.isBlank()) {
                masters.put(version, decode(version, text, demo));
            }
        });
        require(masters, settings.currentVersion(), "no key is configured for the current version");
        require(masters, settings.blindIndexVersion(), "no key is configured for the blind-index version");
        return new KeyRing(masters, settings.currentVersion(), settings.blindIndexVersion());
    }

    private static void require(Map<Integer, byte[]> masters, int version, String problem) {
        if (!masters.containsKey(version)) {
            throw new ProtectionKeyMissingException("linli.protection.keys." + version, problem + " " + version);
        }
    }

    private static byte[] decode(int version, String text, boolean demo) {
        String property = "linli.protection.keys." + version;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new ProtectionKeyMissingException(property, "the key of version " + version + " is not Base64");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new ProtectionKeyMissingException(property, "the key of version " + version + " has " + key.length
                    + " bytes, at least " + MIN_KEY_BYTES + " are needed");
        }
        if (!demo && Arrays.equals(key, Base64.getDecoder().decode(DEMO_KEY))) {
            throw new ProtectionKeyMissingException(property, "the key of version " + version
                    + " is the published demo key");
        }
        return key;
    }
}
