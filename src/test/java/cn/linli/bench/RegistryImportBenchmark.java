package cn.linli.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.linli.access.internal.UserAccounts;
import cn.linli.registry.BuildingType;
import cn.linli.registry.HouseholdType;
import cn.linli.registry.ImportState;
import cn.linli.registry.ImportStatus;
import cn.linli.registry.MembershipKind;
import cn.linli.registry.NewBuilding;
import cn.linli.registry.NewHousehold;
import cn.linli.registry.NewResident;
import cn.linli.registry.Registry;
import cn.linli.registry.RegistryImports;
import cn.linli.registry.Relation;
import cn.linli.shared.DivisionLevel;
import cn.linli.shared.DocumentKind;
import cn.linli.shared.IdNumber;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;

/**
 * Registry import on PostgreSQL: a generated CSV of synthetic residents (ID numbers under the unassigned area code
 * 230899 with correct check characters, 3 per household, 72 households per building, spread over the demo grids)
 * imported as a user would, from upload to committed (parse, validate, encrypt, write, index); against it, the
 * same rows one by one through {@link Registry} (building, household, resident as the registry's own API adds them)
 * for a sample. The bench's rows are deleted before each run. Run with bench/registry-import.sh.
 */
public final class RegistryImportBenchmark {

    static final String PREFIX = "基准小区";

    public static void main(String[] args) throws Exception {
        int residents = Integer.getInteger("linli.bench.residents", 1_000_000);
        int rowByRow = Integer.getInteger("linli.bench.row-by-row", 5_000);
        String server = System.getProperty("linli.bench.server", "jdbc:postgresql://127.0.0.1:5432/");
        try (ConfigurableApplicationContext app = CaseLifeBenchmark.start(server + System.getProperty("linli.bench.database", "linli_bench_registry"),
                "--logging.level.cn.linli.registry.importing=INFO")) {
            ActingAs.user(app.getBean(UserAccounts.class), "admin");
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            clean(jdbc);
            List<String> grids = app.getBean(TerritoryQueries.class).tree(LocalDate.now()).atLevel(DivisionLevel.GRID)
                    .stream().map(g -> g.code().value()).sorted().toList();
            byte[] csv = csv(residents, grids, 900);
            System.out.printf(Locale.ROOT, "generated %d residents, %.1f MB CSV, %d grids%n", residents, csv.length / 1e6, grids.size());
            double fast = bulk(app.getBean(RegistryImports.class), csv, residents);
            double slow = oneByOne(app, jdbc, rowByRow, grids);
            System.out.printf(Locale.ROOT, "import of %d residents: %.1f s (%.0f residents/s); row by row through Registry: "
                    + "%.0f residents/s (sample of %d); ratio %.1f%n", residents, residents / fast, fast, slow, rowByRow, fast / slow);
        }
    }

    /** Residents per second from upload to committed. */
    static double bulk(RegistryImports imports, byte[] csv, int residents) throws InterruptedException {
        long start = System.nanoTime();
        ImportStatus job = imports.upload("bench.csv", csv);
        imports.validate(job.id(), job.mapping());
        job = await(imports, job.id(), ImportState.VALIDATED);
        long validated = System.nanoTime();
        if (job.rejectedRows() > 0) throw new IllegalStateException("rejected rows: " + imports.problems(job.id(), 5));
        imports.commit(job.id());
        await(imports, job.id(), ImportState.IMPORTED);
        long end = System.nanoTime();
        System.out.printf(Locale.ROOT, "upload+validate %.1f s, import %.1f s (load average %s)%n", (validated - start) / 1e9,
                (end - validated) / 1e9, loadAverage());
        return residents / ((end - start) / 1e9);
    }

    /** The machine's load average over 1, 5 and 15 minutes (Linux), to print with every figure. */
    static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static ImportStatus await(RegistryImports imports, String id, ImportState state) throws InterruptedException {
        while (true) {
            ImportStatus status = imports.status(id).orElseThrow();
            if (status.state() == state) return status;
            if (!status.state().running()) throw new IllegalStateException(status.state() + " " + status.failure());
            Thread.sleep(100);
        }
    }

    /** Residents per second through the registry's API, one transaction per call, as a form would add them. */
    static double oneByOne(ConfigurableApplicationContext app, JdbcClient jdbc, int residents, List<String> gridCodes) {
        Registry registry = app.getBean(Registry.class);
        var tree = app.getBean(TerritoryQueries.class).tree(LocalDate.now());
        long start = System.nanoTime();
        long building = 0;
        long household = 0;
        for (int i = 0; i < residents; i++) {
            int h = i / 3;
            if (h % 72 == 0 && i % 3 == 0) {
                long grid = tree.findByCode(gridCodes.get((h / 72) % gridCodes.size())).orElseThrow().id();
                building = registry.addBuilding(new NewBuilding(PREFIX + "逐条" + (h / 72) + "号楼", null, grid, BuildingType.RESIDENTIAL, 6, 6));
            }
            if (i % 3 == 0) {
                household = registry.addHousehold(new NewHousehold(building, 1 + (h % 72) / 12, 1 + (h % 12) / 2,
                        String.valueOf(100 * (1 + (h % 12) / 2) + 1 + (h % 72) / 12 * 10 + h % 2), HouseholdType.REGISTERED, null));
            }
            registry.register(new NewResident("居民" + i, DocumentKind.RESIDENT_ID_CARD, idNumber(i, 500), null), household,
                    MembershipKind.ACTUAL, i % 3 == 0 ? Relation.HEAD : Relation.CHILD, LocalDate.of(2024, 1, 1));
        }
        double rate = residents / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "row by row: %d residents at %.0f/s (load average %s)%n", residents, rate, loadAverage());
        return rate;
    }

    static byte[] csv(int residents, List<String> grids, int salt) {
        StringBuilder csv = new StringBuilder(residents * 120);
        csv.append("楼栋地址,所属网格(编码),单元,楼层,房号,户类型,姓名,公民身份号码,联系电话,与户主关系,居住类型\n");
        for (int i = 0; i < residents; i++) {
            int h = i / 3;
            int b = h / 72;
            int unit = 1 + (h % 72) / 12;
            int floor = 1 + (h % 12) / 2;
            csv.append(PREFIX).append(b).append("号楼,").append(grids.get(b % grids.size())).append(',').append(unit).append(',')
                    .append(floor).append(',').append(floor * 100 + 1 + h % 2).append(",户籍户,居民").append(i).append(',')
                    .append(idNumber(i, salt)).append(',').append(i % 3 == 0 ? "1790" + String.format("%07d", i % 10_000_000) : "")
                    .append(',').append(i % 3 == 0 ? "户主" : "子女").append(",户籍人口\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Unique for i below 25,000,000; salt shifts the sequence numbers above those of the demo (below 700). */
    static String idNumber(int i, int salt) {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(i % 25_000);
        int sequence = (i / 25_000 + salt) % 1000;
        String first17 = "230899" + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + IdNumber.checkCharacter(first17);
    }

    /** Removes what an earlier run left: the bench's buildings with their households, memberships and residents. */
    static void clean(JdbcClient jdbc) {
        String households = "select h.id from registry_household h join registry_building b on b.id = h.building_id where b.address like '" + PREFIX + "%'";
        List<Long> residents = new ArrayList<>(jdbc.sql("select distinct resident_id from registry_membership where household_id in (" + households + ")")
                .query(Long.class).list());
        jdbc.sql("delete from registry_membership where household_id in (" + households + ")").update();
        jdbc.sql("update registry_household set head_id = null where id in (" + households + ")").update();
        jdbc.sql("delete from registry_household where id in (" + households + ")").update();
        jdbc.sql("delete from registry_building where address like '" + PREFIX + "%'").update();
        jdbc.sql("delete from registry_resident r where not exists (select 1 from registry_membership m where m.resident_id = r.id)"
                + " and not exists (select 1 from registry_care_tag t where t.resident_id = r.id) and synthetic = false").update();
        jdbc.sql("vacuum analyze registry_resident").update();
        System.out.printf("cleaned %d residents of earlier runs%n", residents.size());
    }
}
