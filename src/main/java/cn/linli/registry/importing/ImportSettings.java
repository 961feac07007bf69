package cn.linli.registry.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Registry imports: the largest file accepted (a community's registry is a few MB; a whole street in one CSV a few
 * tens) and how many imports run at once on an instance (each keeps a core busy).
 */
@ConfigurationProperties("linli.registry.import")
public record ImportSettings(DataSize maxSize, Integer workers) {

    public ImportSettings {
        if (maxSize == null) maxSize = DataSize.ofMegabytes(50);
        if (workers == null || workers < 1) workers = 1;
    }
}
