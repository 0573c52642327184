package io.gatehouse.views.maturity;

import io.gatehouse.data.maturity.AssessmentFiles;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the operator for a file to read or write; tests answer without a native dialog. */
public interface FilePicker {
    Optional<Path> open(Window owner, String title);

    Optional<Path> save(Window owner, String title, String suggestedName);

    /** The platform's file dialogs, filtered to assessment files. */
    static FilePicker system(String filterDescription) {
        return new FilePicker() {
            @Override
            public Optional<Path> open(Window owner, String title) {
                return Optional.ofNullable(chooser(title, null).showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> save(Window owner, String title, String suggestedName) {
                return Optional.ofNullable(chooser(title, suggestedName).showSaveDialog(owner)).map(File::toPath);
            }

            private FileChooser chooser(String title, String name) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterDescription,
                        "*" + AssessmentFiles.EXTENSION));
                if (name != null) {
                    chooser.setInitialFileName(name);
                }
                return chooser;
            }
        };
    }
}
