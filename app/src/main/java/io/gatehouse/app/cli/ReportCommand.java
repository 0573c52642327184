package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.ConsoleRuntime;
import io.gatehouse.app.wiring.ExecutiveWiring;
import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import io.gatehouse.views.executive.Deck;
import io.gatehouse.views.executive.DeckBuilder;
import io.gatehouse.views.executive.ReportExporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gatehouse report}: the executive slides as a PDF report or one PNG per slide, without a display. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Export the executive report: a PDF of the seven slides, or one PNG per slide, without a display.")
public final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    GatehouseCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "pdf|png", description = "pdf: one report file; png: one file per slide.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "The PDF file, or the folder for the PNG files.")
    Path out;

    @Option(names = "--assessment", paramLabel = "ID", description = "The maturity assessment to report on (default: the latest).")
    String assessment;

    @Option(names = "--currency", paramLabel = "CODE", description = "Reporting currency, such as EUR, INR or KRW (default: as saved).")
    String currency;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "TAG", description = "Language: en or de (default ${DEFAULT-VALUE}).")
    String language;

    @Option(names = "--theme", defaultValue = "light", paramLabel = "light|dark", description = "Slide colours of the PNG files (default ${DEFAULT-VALUE}).")
    String theme;

    @Override
    public Integer call() throws InterruptedException {
        String kind = format.toLowerCase(Locale.ROOT);
        if (!kind.equals("pdf") && !kind.equals("png")) {
            throw new ParameterException(spec.commandLine(), "--format must be pdf or png");
        }
        if (!language.equals("en") && !language.equals("de")) {
            throw new ParameterException(spec.commandLine(), "--lang must be en or de");
        }
        if (!theme.equals("light") && !theme.equals("dark")) {
            throw new ParameterException(spec.commandLine(), "--theme must be light or dark");
        }
        Currency reporting = currency == null ? null : currency(currency);
        try (ConsoleRuntime runtime = ConsoleRuntime.open(parent.global().directories(), InstantSource.system())) {
            // regional risk needs rates, and rates need two readings of the sandbox's metrics
            runtime.primeTelemetry(Duration.ofSeconds(2), 6);
            // the report reads the maturity book through a handle of its own: on a new sandbox store, after its samples
            runtime.awaitSampleAssessments();
            ExecutiveWiring facts = new ExecutiveWiring(runtime.composition(), runtime.shellContext().telemetry(),
                    runtime.review() == null ? null : runtime.review().desk(), null, InstantSource.system(),
                    runtime.shellContext().sourceDescription(), assessment);
            Deck deck = new DeckBuilder(new I18n(Language.fromTag(language)), ZoneId.systemDefault()).build(facts.gather(reporting));
            ReportExporter exporter = new ReportExporter(new SafeFileWriter());
            if (kind.equals("pdf")) {
                exporter.pdf(deck, out, () -> false, step -> { });
                spec.commandLine().getOut().println(out);
            } else {
                createFolder(out);
                List<Path> files = exporter.pngs(deck, out, theme.equals("dark"), () -> false, step -> { });
                files.forEach(f -> spec.commandLine().getOut().println(f));
            }
        }
        return ExitCode.OK;
    }

    private Currency currency(String code) {
        try {
            Currency c = Currency.getInstance(code.toUpperCase(Locale.ROOT));
            if (!io.gatehouse.data.roi.ExchangeRates.reference().knows(c)) {
                throw new ParameterException(spec.commandLine(), "--currency " + code + " has no reference rate; use one of "
                        + String.join(", ", io.gatehouse.data.roi.ExchangeRates.reference().currencies()));
            }
            return c;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--currency must be an ISO 4217 code such as EUR, got '" + code + "'");
        }
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new io.gatehouse.data.files.ExportFailedException(folder, "Cannot create the folder " + folder + ": "
                    + e.getMessage() + ". Choose a folder you can write to.", e);
        }
    }
}
