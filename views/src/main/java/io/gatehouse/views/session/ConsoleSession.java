package io.gatehouse.views.session;

import io.gatehouse.data.operator.presence.LockReason;
import io.gatehouse.data.operator.presence.SessionGuard;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.TaskExecutor;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/**
 * The signed-in session as the main window sees it: input postpones the idle lock, the lock screen covers the
 * content when idle or on Ctrl+L, and sensitive actions ask for a fresh proof first. Proofs and audit writes
 * run on the background executor, since a card signature is device I/O; the window changes on the JavaFX thread.
 */
public final class ConsoleSession implements StepUpGate {
    private final SessionGuard guard;
    private final SecretRequest.SecretKind kind;
    private final TaskExecutor tasks;
    private final Supplier<I18n> i18n;
    private final Supplier<Window> owner;
    private final BooleanSupplier dark;
    private final Runnable signedOut;
    private final Consumer<Throwable> errors;
    private StackPane root;
    private LockScreen lockScreen;

    /**
     * @param signedOut runs on the JavaFX thread once the operator signed out; the window then closes, or shows the
     *     sign-in step for the next operator
     */
    public ConsoleSession(SessionGuard guard, SecretRequest.SecretKind kind, TaskExecutor tasks, Supplier<I18n> i18n,
            Supplier<Window> owner, BooleanSupplier dark, Runnable signedOut, Consumer<Throwable> errors) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.dark = Objects.requireNonNull(dark, "dark");
        this.signedOut = Objects.requireNonNull(signedOut, "signedOut");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    public SessionGuard guard() {
        return guard;
    }

    /** True for the development profile; the window title says so. */
    public boolean weaker() {
        return guard.weaker();
    }

    /** Key presses, clicks, mouse moves and scrolls anywhere in the window count as activity. */
    public void watch(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::activity);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, this::activity);
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, this::activity);
        scene.addEventFilter(ScrollEvent.SCROLL, this::activity);
    }

    private void activity(Event event) {
        guard.touch();
    }

    /** Puts the lock screen over a freshly built window root when the session is locked; called after each rebuild. */
    public void attach(StackPane windowRoot) {
        this.root = windowRoot;
        if (lockScreen != null) {
            lockScreen = null;
            cover();
        }
    }

    /** True while the lock screen is up. */
    public boolean locked() {
        return lockScreen != null;
    }

    /** Locks now, as Ctrl+L does. */
    public void lockNow() {
        lock(LockReason.MANUAL);
    }

    /** Locks when the idle time has passed; the window calls this on a timer, tests after moving their clock. */
    public void checkIdle() {
        if (lockScreen == null && guard.idle()) {
            lock(LockReason.IDLE);
        }
    }

    private void lock(LockReason reason) {
        if (lockScreen != null || !guard.signedIn()) {
            return;
        }
        cover();
        try {
            // at once, not in the background: an unlock must never overtake the lock it undoes
            guard.lock(reason);
        } catch (RuntimeException e) {
            errors.accept(e);
        }
    }

    private void cover() {
        lockScreen = new LockScreen(i18n.get(), guard.session().operator().displayName(), kind, guard.needsSecret(),
                guard.weaker());
        lockScreen.unlockButton().setOnAction(e -> unlock());
        lockScreen.signOutButton().setOnAction(e -> signOut());
        if (root != null) {
            // hidden, the content is neither drawn nor reachable by Tab while the lock screen is up
            root.getChildren().forEach(child -> child.setVisible(false));
            root.getChildren().add(lockScreen);
            lockScreen.secret().requestFocus();
            if (!guard.needsSecret()) {
                lockScreen.unlockButton().requestFocus();
            }
        }
    }

    private void unlock() {
        LockScreen screen = lockScreen;
        if (screen == null) {
            return;
        }
        char[] secret = screen.secret().getText().toCharArray();
        screen.secret().clear();
        screen.busy(true);
        tasks.run(handle -> {
            guard.unlock(secret);
            return null;
        }, done -> uncover(), failure -> {
            screen.busy(false);
            screen.problem(failure.getMessage());
            screen.secret().requestFocus();
        });
    }

    private void uncover() {
        if (root != null && lockScreen != null) {
            root.getChildren().remove(lockScreen);
            root.getChildren().forEach(child -> child.setVisible(true));
        }
        lockScreen = null;
    }

    private void signOut() {
        if (lockScreen != null) {
            lockScreen.busy(true);
        }
        tasks.run(handle -> {
            guard.signOut();
            return null;
        }, done -> signedOut.run(), errors);
    }

    /** Signs out from the unlocked window (the menu's Sign out). */
    public void signOutNow() {
        signOut();
    }

    @Override
    public void before(String action, Runnable proceed, Runnable cancelled) {
        if (guard.fresh()) {
            proceed.run();
            return;
        }
        if (!guard.needsSecret()) {
            // the development sandbox has nothing to ask; the step-up is still audited, as weaker
            prove(action, new char[0], proceed, cancelled);
            return;
        }
        ask(action, proceed, cancelled, null);
    }

    private void ask(String action, Runnable proceed, Runnable cancelled, String problem) {
        SecretRequest request = new SecretRequest(SecretRequest.Purpose.STEP_UP, kind,
                guard.session().operator().displayName(), actionName(action), guard.weaker());
        SecretDialog.show(owner.get(), i18n.get(), request, problem, dark.getAsBoolean(), secret -> {
            if (secret != null) {
                prove(action, secret, proceed, cancelled);
            } else {
                cancelled.run();
            }
        });
    }

    private void prove(String action, char[] secret, Runnable proceed, Runnable cancelled) {
        tasks.run(handle -> {
            guard.stepUp(action, secret);
            return null;
        }, done -> proceed.run(), failure -> {
            if (guard.needsSecret()) {
                ask(action, proceed, cancelled, failure.getMessage());
            } else {
                cancelled.run();
                errors.accept(failure);
            }
        });
    }

    /** What the dialog says is being confirmed; an action without its own message is shown by its audit name. */
    private String actionName(String action) {
        String key = switch (action) {
            case "key.rotate" -> "session.action.key.rotate";
            case "key.rollBack" -> "session.action.key.rollBack";
            case "key.retire" -> "session.action.key.retire";
            case "key.restore" -> "session.action.key.restore";
            case "key.destroy" -> "session.action.key.destroy";
            case "decline.reverse" -> "session.action.decline.reverse";
            default -> null;
        };
        return key == null ? action : i18n.get().get(key);
    }

    /** The lock screen, for tests and screenshots; null while unlocked. */
    Node lockScreen() {
        return lockScreen;
    }
}
