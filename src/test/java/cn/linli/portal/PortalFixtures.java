package cn.linli.portal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import cn.linli.shared.GeoPoint;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;

/** Places, phones, photos and report forms of the demo city as the portal tests use them. */
record PortalFixtures(TerritoryQueries territory, BoundaryStore boundaries, JdbcClient jdbc) {

    static final String GRID = "230804007001001";
    static final String RUBBISH = "SJ0102";

    GeoPoint inGrid() {
        long id = territory.tree(null).findByCode(GRID).orElseThrow().id();
        Point p = boundaries.loadAll().stream().filter(b -> b.unitId() == id && b.validTo() == null).findFirst().orElseThrow()
                .geometry().getInteriorPoint();
        return new GeoPoint(p.getX(), p.getY());
    }

    /** A mobile number no other test uses. */
    static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A client address of its own, so that the per-address limits of one test never meet another's. */
    static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(1, 255) + "." + r.nextInt(1, 255) + "." + r.nextInt(1, 255);
    }

    static byte[] png() {
        try {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            image.setRGB(1, 1, Color.ORANGE.getRGB());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A complete rubbish report at the grid with a photo, as the browser would post it; {@code changes} are name/value
     * pairs that replace the form's values (an empty value removes the parameter).
     */
    MockMultipartHttpServletRequestBuilder rubbish(String clientAddress, String phone, String... changes) {
        GeoPoint p = inGrid();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("formKey", UUID.randomUUID().toString());
        form.put("crs", "wgs84");
        form.put("type", "HELP");
        form.put("lat", String.valueOf(p.lat()));
        form.put("lng", String.valueOf(p.lng()));
        form.put("attribute[AMOUNT]", "cart");
        form.put("address", "永安社区南门");
        form.put("description", "南门口垃圾堆了三天没人清。");
        form.put("name", "王女士");
        form.put("phone", phone);
        form.put("channel", "SMS");
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1].isEmpty()) form.remove(changes[i]);
            else form.put(changes[i], changes[i + 1]);
        }
        MockMultipartHttpServletRequestBuilder request = multipart("/portal/report/" + RUBBISH);
        request.file(new MockMultipartFile("photos", "门口.png", "image/png", png()));
        form.forEach(request::param);
        request.with(csrf()).with(r -> {
            r.setRemoteAddr(clientAddress);
            return r;
        });
        return request;
    }

    int cases() {
        return jdbc.sql("select count(*) from casework_case").query(Integer.class).single();
    }

    int portalRows() {
        return jdbc.sql("select (select count(*) from portal_report) + (select count(*) from portal_subscription)"
                + " + (select count(*) from casework_attachment)").query(Integer.class).single();
    }
}
