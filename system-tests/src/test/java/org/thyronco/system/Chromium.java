package org.thyronco.system;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Headless Chromium from Debian's {@code chromium} package, installed with apt-get when it is missing. */
final class Chromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");

    /*
     * --no-sandbox because CI runs as root; the network flags because this is a closed network: without them
     * Chromium's own background connections (component updates, sync, QUIC probes) are refused and it stalls.
     */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync");
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    // The first install pulls ~100 MB of packages on a shared 2-core machine.
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);

    private final Path logs;

    private Chromium(Path logs) {
        this.logs = logs;
    }

    /**
     * Chromium, installed first if it is missing (as bench/run.sh installs bcftools). A fresh CI machine has
     * only a JDK and Maven, so a missing browser is installed, never a reason to skip: if that fails, this
     * fails the test and says why.
     */
    static Chromium ensureInstalled(Path logs) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        if (!Files.isExecutable(BINARY)) {
            Path log = logs.resolve("apt-get.log");
            // Install first and update the package lists only if that fails: they are usually current.
            if (apt(log, "install", "-y", "-q", "chromium") != 0) {
                apt(log, "update", "-q");
                apt(log, "install", "-y", "-q", "chromium");
            }
            if (!Files.isExecutable(BINARY)) {
                throw new AssertionError(BINARY + " is missing and `apt-get install -y -q chromium` did not provide it"
                        + " (it needs root and Debian's package registry). apt-get said (" + log + "):\n" + tail(log));
            }
        }
        return new Chromium(logs);
    }

    /** The page's DOM after Chromium has parsed and loaded it, as --dump-dom serializes it. */
    String dumpDom(URI page) throws IOException, InterruptedException {
        Path dom = logs.resolve("dom.html");
        run("dump-dom", dom, "--dump-dom", page.toString());
        return Files.readString(dom, StandardCharsets.UTF_8);
    }

    /** A PNG of the page in a window of the given size. */
    void screenshot(URI page, Path png, int width, int height) throws IOException, InterruptedException {
        run("screenshot", null, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                page.toString());
    }

    /** The page printed to PDF with the print stylesheet, as a clinician's "Print" would lay it out. */
    void printToPdf(URI page, Path pdf) throws IOException, InterruptedException {
        run("print-to-pdf", null, "--print-to-pdf=" + pdf.toAbsolutePath(), "--no-pdf-header-footer",
                page.toString());
    }

    /** Runs one Chromium with a fresh profile; stdout goes to {@code stdout} if given, else to the log. */
    private void run(String name, Path stdout, String... args) throws IOException, InterruptedException {
        Path log = logs.resolve("chromium-" + name + ".log");
        // A fresh profile each time: nothing cached or remembered from an earlier run can make a test pass.
        Path profile = Files.createTempDirectory("thyronco-chromium-");
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        if (stdout != null) {
            builder.redirectOutput(stdout.toFile());
        } else {
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
        }
        Process chromium = builder.start();
        try {
            if (!chromium.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("Chromium (" + name + ") did not finish within " + RUN_TIMEOUT.toSeconds()
                        + " s; its log (" + log + "):\n" + tail(log));
            }
            if (chromium.exitValue() != 0) {
                throw new AssertionError("Chromium (" + name + ") exited with " + chromium.exitValue()
                        + "; its log (" + log + "):\n" + tail(log));
            }
        } finally {
            // Chromium forks zygote, GPU and renderer processes: end those too, not only the browser process.
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
            chromium.waitFor(5, TimeUnit.SECONDS);
            deleteQuietly(profile);
        }
    }

    private static int apt(Path log, String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("apt-get"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        try {
            Process apt = builder.start();
            if (!apt.waitFor(INSTALL_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                apt.destroyForcibly();
                return -1;
            }
            return apt.exitValue();
        } catch (IOException e) {
            // No apt-get at all (not Debian): the caller's check of the binary reports it.
            try {
                Files.writeString(log, "cannot run " + command + ": " + e + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException ignored) {
                // The assertion message still names the missing binary.
            }
            return -1;
        }
    }

    private static String tail(Path log) {
        try {
            // Decoded leniently: a tool's odd byte must not hide its message.
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover profile in the temp directory is harmless.
        }
    }
}
