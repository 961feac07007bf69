package cn.linli.open311.web;

/** Opens the web layer's package-private text and location rules to tests in other packages. */
public final class PublicTextProbe {

    private PublicTextProbe() {
    }

    public static String redact(String text) {
        return PublicText.redact(text);
    }

    public static double[] coarsen(int metres, double lat, double lng) {
        return new Coarsening(metres).apply(lat, lng);
    }
}
