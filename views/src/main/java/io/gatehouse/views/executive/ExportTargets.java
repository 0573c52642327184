package io.gatehouse.views.executive;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the operator where an export goes; tests answer without a dialog. */
public interface ExportTargets {
    Optional<Path> pdfFile(Window owner, String suggestedName);

    Optional<Path> pngFolder(Window owner);

    /** The platform's own save and folder dialogs. */
    static ExportTargets dialogs() {
        return new ExportTargets() {
            @Override
            public Optional<Path> pdfFile(Window owner, String suggestedName) {
                FileChooser chooser = new FileChooser();
                chooser.setInitialFileName(suggestedName);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> pngFolder(Window owner) {
                return Optional.ofNullable(new DirectoryChooser().showDialog(owner)).map(File::toPath);
            }
        };
    }
}
