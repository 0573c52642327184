import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Prints the text of a PDF, for the package check: it reads the installed app's report the way a reader's
 * search or copy would. Run as a single source file with the app's libraries on the class path.
 */
public final class PdfText {
    private PdfText() {
    }

    public static void main(String[] args) throws Exception {
        try (PDDocument document = Loader.loadPDF(new File(args[0]))) {
            // UTF-8 whatever the locale: the check greps for the euro sign and the no-break space
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
            out.print(new PDFTextStripper().getText(document));
            out.flush();
        }
    }
}
