package io.gatehouse.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.data.review.ReviewDesk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gatehouse queue export}: every matching case, walking all pages with the cursor, as CSV or JSON. */
@Command(name = "export", description = "Export every matching case as CSV or JSON.", mixinStandardHelpOptions = true)
public final class QueueExportCommand implements Callable<Integer> {
    /** The output formats. */
    enum Format { csv, json }

    @ParentCommand
    QueueCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, description = "csv or json.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path outFile;

    @Option(names = "--status", description = "Only cases with this status.")
    String status;

    @Option(names = "--region", description = "Only cases from this region.")
    String region;

    @Override
    public Integer call() throws IOException {
        CaseFilter filter = CaseFilter.all().withLimit(CaseFilter.MAX_LIMIT)
                .withStatus(status == null ? null : new CaseStatus(status)).withRegion(region);
        try (QueueContext context = QueueContext.open(parent.global())) {
            boolean simulated = context.review().simulated();
            if (outFile == null) {
                Writer out = spec.commandLine().getOut();
                write(context.desk(), filter, simulated, out);
                out.flush();
                return ExitCode.OK;
            }
            // written beside the target and moved into place, so a failed export never leaves half a file
            Path target = outFile.toAbsolutePath();
            Path partial = Files.createTempFile(target.getParent(), ".gatehouse-export-", ".part");
            try {
                int count;
                try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    count = write(context.desk(), filter, simulated, out);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                spec.commandLine().getOut().printf("Exported %d cases to %s%s%n", count, target,
                        simulated ? " (simulated data)" : "");
            } finally {
                Files.deleteIfExists(partial);
            }
            return ExitCode.OK;
        } catch (UncheckedIOException e) {
            throw new GatehouseException(FailureKind.LOCAL_STORE, "Cannot write the export: " + e.getCause().getMessage(), e);
        }
    }

    private int write(ReviewDesk desk, CaseFilter filter, boolean simulated, Writer out) throws IOException {
        return format == Format.csv ? writeCsv(desk, filter, simulated, out) : writeJson(desk, filter, simulated, out);
    }

    private static int writeCsv(ReviewDesk desk, CaseFilter filter, boolean simulated, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        List<String> header = new ArrayList<>(CaseRow.HEADER);
        header.add("simulated_data");
        csv.row(header);
        int[] count = {0};
        walk(desk, filter, row -> {
            List<String> cells = new ArrayList<>(row.cells());
            cells.add(Boolean.toString(simulated));
            csv.row(cells);
            count[0]++;
        });
        return count[0];
    }

    private static int writeJson(ReviewDesk desk, CaseFilter filter, boolean simulated, Writer out) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        int[] count = {0};
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeBooleanField("simulated_data", simulated);
            json.writeArrayFieldStart("cases");
            walk(desk, filter, row -> {
                mapper.writeValue(json, row.json());
                count[0]++;
            });
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write(System.lineSeparator());
        return count[0];
    }

    /** Visits every case page by page, passing each cursor back unchanged. */
    private static void walk(ReviewDesk desk, CaseFilter filter, RowSink sink) throws IOException {
        String cursor = null;
        do {
            CasePage page = desk.list(filter, cursor);
            for (ReviewCase c : page.cases()) {
                sink.accept(CaseRow.of(c, desk.latestDecision(c.id())));
            }
            if (page.nextCursor() != null && page.nextCursor().equals(cursor)) {
                // an upstream that hands back the same cursor would keep the export running forever
                throw new GatehouseException(FailureKind.UPSTREAM, "The Case API returned the same page cursor twice;"
                        + " the export stopped. Report this to the upstream's operators.");
            }
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    @FunctionalInterface
    private interface RowSink {
        void accept(CaseRow row) throws IOException;
    }
}
