package cn.linli.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import cn.linli.testing.ClusterTest;
import cn.linli.testing.LinliProcess;
import cn.linli.testing.SmallDisk;
import cn.linli.testing.StaffSession;

/**
 * The embedded (H2) database on a data directory that is read-only or fills up: Linli says so clearly (at start, and
 * with a 503 on a write), and the database files survive, so Linli starts on them again once there is space.
 */
@ClusterTest(database = "h2", mounts = true)
class EmbeddedDataDirectoryIT {

    private static final Path WORK = Path.of("target/embedded-disk-it").toAbsolutePath();
    private static final String PASSWORD = "linli-demo-2026";

    /**
     * Linli's default embedded URL (application.yml, with WRITE_DELAY=0) at the directory; AUTO_SERVER lets the test
     * read the database that the instance has open (to find a grid to report in).
     */
    static String url(Path directory) {
        return "jdbc:h2:file:" + directory.resolve("linli") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE";
    }

    static List<String> embeddedAt(Path directory) {
        return List.of("--spring.datasource.url=" + url(directory), "--linli.demo.enabled=true");
    }

    static long grid(Path directory) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(url(directory), "sa", "")) {
            var result = connection.createStatement().executeQuery(
                    "select unit_id from territory_unit_version where code = '230804007001001' and valid_to is null");
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    void aReadOnlyDataDirectoryStopsTheStartWithAMessageThatSaysSo() throws Exception {
        FileSystemUtils.deleteRecursively(WORK.resolve("read-only"));
        try (SmallDisk disk = SmallDisk.mount(WORK.resolve("read-only/data"), 4, true)) {
            LinliProcess linli = LinliProcess.start("read-only", WORK.resolve("read-only"), embeddedAt(disk.directory()));
            assertThat(linli.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(linli.log()).contains("APPLICATION FAILED TO START")
                    .contains("The embedded database cannot write its files")
                    .contains("Read-only file system")
                    .contains("Make the data directory writable");
        }
    }

    @Test
    void aFullDiskRefusesWritesWith503AndTheDatabaseOpensAgainWithEveryCaseTakenBefore() throws Exception {
        FileSystemUtils.deleteRecursively(WORK.resolve("full"));
        try (SmallDisk disk = SmallDisk.mount(WORK.resolve("full/data"), 48, false)) {
            String number;
            LinliProcess linli = LinliProcess.start("full-1", WORK.resolve("full"), embeddedAt(disk.directory()))
                    .awaitHealthy(Duration.ofSeconds(120));
            try {
                grid = grid(disk.directory());
                StaffSession desk = StaffSession.signIn(linli.base(), "yongan-sq", PASSWORD);
                var taken = desk.postJson("/api/casework/cases", intake("before"), "disk-before");
                assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
                number = ClusterBehindNginxIT.numberIn(taken.body());

                Path filler = disk.fill();
                // With H2's default WRITE_DELAY (0.5 s) a commit stays in memory first, and intakes after the disk
                // filled were acknowledged and lost; Linli's WRITE_DELAY=0 writes before answering. Whatever was
                // acknowledged must be there after the restart (checked below).
                HttpResponse<String> refused = null;
                for (int i = 0; i < 30 && (refused == null || refused.statusCode() == 201); i++) {
                    refused = desk.postJson("/api/casework/cases", intake("full-" + i), "disk-full-" + i);
                    if (refused.statusCode() == 201) acknowledgedWhenFull.add(ClusterBehindNginxIT.numberIn(refused.body()));
                    Thread.sleep(200);
                }
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(refused.body()).contains("数据库无法写入");
                Files.delete(filler);
            } finally {
                linli.kill();
            }

            LinliProcess again = LinliProcess.start("full-2", WORK.resolve("full"), embeddedAt(disk.directory()))
                    .awaitHealthy(Duration.ofSeconds(90));
            try {
                StaffSession desk = StaffSession.signIn(again.base(), "yongan-sq", PASSWORD);
                assertThat(desk.get("/api/casework/cases/by-number/" + number, "application/json").statusCode()).isEqualTo(200);
                assertThat(desk.postJson("/api/casework/cases", intake("after"), "disk-after").statusCode()).isEqualTo(201);
                long kept = 0;
                for (String acknowledged : acknowledgedWhenFull) {
                    if (desk.get("/api/casework/cases/by-number/" + acknowledged, "application/json").statusCode() == 200) kept++;
                }
                System.out.printf("embedded database on a full disk: %d intakes acknowledged after the disk filled, %d of them "
                        + "found after the restart%n", acknowledgedWhenFull.size(), kept);
                assertThat(kept).as("acknowledged intakes found after the restart").isEqualTo(acknowledgedWhenFull.size());
            } finally {
                again.close();
            }
        }
    }

    private long grid;
    private final List<String> acknowledgedWhenFull = new java.util.ArrayList<>();

    private String intake(String key) {
        return """
                {"type": "COMPLAINT", "channel": "WINDOW", "title": "磁盘测试 %s", "description": "永安社区3号楼东侧垃圾堆放三天无人清运。",
                 "address": "前进区永安社区3号楼", "reporterName": "王女士", "reporterPhone": "13845467788", "wantsReturnVisit": true,
                 "placeUnitId": %d}""".formatted(key, grid);
    }
}
