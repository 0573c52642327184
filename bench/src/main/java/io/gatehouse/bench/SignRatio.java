package io.gatehouse.bench;

import io.gatehouse.connectors.pkcs11.Pkcs11Modules;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.SignatureMechanism;
import io.gatehouse.data.keys.token.TokenSession;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Signing throughput of the audit-chain signer through the console's token layer, against a native loop
 * calling {@code C_Sign} with {@code CKM_ECDSA} on the same SoftHSM2 token and the same P-256 key, in the
 * same run. The two alternate in ABBA order (native then console, then console then native, ...) and each
 * round's pair gives one ratio: the machine's speed drifts by a third within a minute here, so the
 * median of paired ratios says more than the ratio of two medians taken at different moments.
 *
 * <p>usage: SignRatio CSIGN_BINARY SECONDS_PER_RUN ROUNDS, with SOFTHSM2_CONF pointing into a temporary
 * directory (bench/sign-ratio sets it up and builds the native program with gcc).
 */
public final class SignRatio {
    private static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
    private static final String TOKEN = "sign-bench";
    private static final String PIN = "1234";
    private static final String KEY = "audit-chain-bench";

    private SignRatio() {
    }

    public static void main(String[] args) throws Exception {
        Path csign = Path.of(args[0]);
        double seconds = Double.parseDouble(args[1]);
        int rounds = Integer.parseInt(args[2]);
        initToken();
        List<Double> nativeRates = new ArrayList<>();
        List<Double> consoleRates = new ArrayList<>();
        List<Double> nativeCpuRates = new ArrayList<>();
        List<Double> consoleCpuRates = new ArrayList<>();
        try (TokenSession token = Pkcs11Modules.open(Path.of(MODULE)).openSession(TOKEN, t -> PIN.toCharArray())) {
            token.generateKeyPair(KeyAlgorithm.EC_P256, KEY, new byte[] {0x42});
            consoleLoop(token, Math.min(1.0, seconds)); // warm-up: class loading and JIT, not measured
            for (int round = 0; round < rounds; round++) {
                if (round % 2 == 0) {
                    addNative(csign, seconds, nativeRates, nativeCpuRates);
                    addConsole(token, seconds, consoleRates, consoleCpuRates);
                } else {
                    addConsole(token, seconds, consoleRates, consoleCpuRates);
                    addNative(csign, seconds, nativeRates, nativeCpuRates);
                }
            }
        }
        List<Double> pairedRatios = ratios(consoleRates, nativeRates);
        List<Double> cpuRatios = ratios(consoleCpuRates, nativeCpuRates);
        double nativeRate = median(nativeRates);
        double consoleRate = median(consoleRates);
        System.out.printf(Locale.ROOT, "native C_Sign (CKM_ECDSA, P-256):   %8.1f signatures/s  runs %s%n", nativeRate, nativeRates);
        System.out.printf(Locale.ROOT, "console token layer (ECDSA_SHA256): %8.1f signatures/s  runs %s%n", consoleRate, consoleRates);
        System.out.printf(Locale.ROOT, "ratio of the medians: %.3f%n", consoleRate / nativeRate);
        System.out.printf(Locale.ROOT, "per CPU-second: native %.1f, console %.1f signatures (console counts its GC and"
                + " JIT threads too)%n", median(nativeCpuRates), median(consoleCpuRates));
        System.out.printf(Locale.ROOT, "ratio per CPU-second, median of %d paired rounds: %.3f  rounds %s%n", rounds,
                median(cpuRatios), cpuRatios);
        System.out.printf(Locale.ROOT, "ratio console/native, median of %d paired rounds: %.3f (target >= 0.9)  rounds %s%n",
                rounds, median(pairedRatios), pairedRatios);
    }

    private static List<Double> ratios(List<Double> console, List<Double> nativeLoop) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < console.size(); i++) {
            ratios.add(Math.round(console.get(i) / nativeLoop.get(i) * 1000) / 1000.0);
        }
        return ratios;
    }

    private static void addNative(Path csign, double seconds, List<Double> rates, List<Double> cpuRates)
            throws IOException, InterruptedException {
        double[] rate = nativeLoop(csign, seconds);
        rates.add(rate[0]);
        cpuRates.add(rate[1]);
    }

    private static void addConsole(TokenSession token, double seconds, List<Double> rates, List<Double> cpuRates) {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long before = System.nanoTime();
        double rate = consoleLoop(token, seconds);
        double wall = (System.nanoTime() - before) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        rates.add(rate);
        cpuRates.add(round1(rate * wall / cpu));
    }

    /** The audit signer's call: hash in Java, then the token signs the digest, exactly as a signed head is made. */
    private static double consoleLoop(TokenSession token, double seconds) {
        byte[] payload = "{\"hash\":\"0000000000000000000000000000000000000000000000000000000000000000\",\"seq\":1}"
                .getBytes(StandardCharsets.UTF_8);
        long signatures = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now = start;
        while (now < end) {
            token.sign(KEY, SignatureMechanism.ECDSA_SHA256, payload);
            signatures++;
            now = System.nanoTime();
        }
        return round1(signatures / ((now - start) / 1e9));
    }

    /** The native program's signatures per wall second and per CPU-second of its process. */
    private static double[] nativeLoop(Path csign, double seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(csign.toString(), MODULE, TOKEN, KEY, Double.toString(seconds))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write((PIN + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        if (process.waitFor() != 0 || !out.contains("rate=")) {
            throw new IllegalStateException("the native signing loop failed: " + out);
        }
        return new double[] {round1(number(out, " rate=")), round1(number(out, "cpu_rate="))};
    }

    private static double number(String out, String key) {
        int at = out.indexOf(key) + key.length();
        int end = out.indexOf(' ', at);
        return Double.parseDouble(out.substring(at, end < 0 ? out.length() : end).strip());
    }

    private static void initToken() throws IOException, InterruptedException {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            throw new IllegalStateException("set SOFTHSM2_CONF to a file in a temporary directory (bench/sign-ratio does)");
        }
        Path tokens = Path.of(conf).toAbsolutePath().resolveSibling("tokens");
        Files.createDirectories(tokens);
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        Process init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--so-pin",
                "12345678", "--pin", PIN).redirectErrorStream(true).start();
        String out = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (init.waitFor() != 0) {
            throw new IllegalStateException("softhsm2-util --init-token failed: " + out);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
