package io.gatehouse.views.keys;

import io.gatehouse.data.keys.token.ModuleInfo;
import io.gatehouse.data.keys.token.SlotInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One module found on this machine or named by the configuration: what it says about itself and
 * its slots, or the sentence that says why it could not be loaded.
 */
public record ModuleScan(String path, Optional<ModuleInfo> module, List<SlotInfo> slots, String error) {
    public ModuleScan {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(module, "module");
        slots = List.copyOf(slots);
    }

    public static ModuleScan loaded(ModuleInfo module, List<SlotInfo> slots) {
        return new ModuleScan(module.path(), Optional.of(module), slots, null);
    }

    public static ModuleScan failed(String path, String error) {
        return new ModuleScan(path, Optional.empty(), List.of(), Objects.requireNonNull(error, "error"));
    }

    public boolean usable() {
        return error == null;
    }
}
