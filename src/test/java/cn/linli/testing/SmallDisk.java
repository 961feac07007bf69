package cn.linli.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted for a test: a disk that can be filled to the last byte or mounted read-only, to play the
 * faults of the embedded database's data directory without touching the machine's disks. Needs root ({@code mount}).
 */
public final class SmallDisk implements AutoCloseable {

    private final Path directory;

    private SmallDisk(Path directory) {
        this.directory = directory;
    }

    /** Mounts a tmpfs of {@code megabytes} at the directory (created), read-only if asked. */
    public static SmallDisk mount(Path directory, int megabytes, boolean readOnly) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        run("mount", "-t", "tmpfs", "-o", (readOnly ? "ro," : "") + "size=" + megabytes + "m", "tmpfs", directory.toString());
        return new SmallDisk(directory);
    }

    static String unavailableReason() {
        Path probe = Path.of(System.getProperty("java.io.tmpdir"), "linli-mount-probe-" + ProcessHandle.current().pid());
        try (SmallDisk disk = mount(probe, 1, false)) {
            return null;
        } catch (IOException | IllegalStateException e) {
            return "cannot mount a tmpfs (needs root): " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    public Path directory() {
        return directory;
    }

    /** Writes a file until the disk is full; returns its path. */
    public Path fill() throws IOException {
        Path filler = directory.resolve("filler");
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) out.write(block);
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) throw full;
        }
        return filler;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", directory.toString());
        Files.deleteIfExists(directory);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + new String(process.getInputStream().readAllBytes()).strip());
        }
    }
}
