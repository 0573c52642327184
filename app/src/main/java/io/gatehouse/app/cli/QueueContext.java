package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.app.wiring.ReviewWiring;
import io.gatehouse.data.review.ReviewDesk;
import java.time.InstantSource;

/** What a queue subcommand runs on: the composition and the review desk wired to the profile's fraud queue. */
final class QueueContext implements AutoCloseable {
    private final Composition composition;
    private final ReviewWiring review;

    private QueueContext(Composition composition, ReviewWiring review) {
        this.composition = composition;
        this.review = review;
    }

    static QueueContext open(GlobalOptions global) {
        InstantSource clock = InstantSource.system();
        Composition composition = Composition.open(global.directories(), clock);
        try {
            var profile = composition.config().activeProfile();
            String secret = switch (composition.config().reviewSource()) {
                case STRIPE -> profile.stripe().apiKeySecret();
                case CASE_API -> profile.caseApi() == null ? null : profile.caseApi().apiKeySecret();
                case SANDBOX -> null;
            };
            SecretsUnlock.unlockIfNeeded(global.passphraseFd, composition, secret);
            return new QueueContext(composition, ReviewWiring.forCommandLine(composition, clock));
        } catch (RuntimeException e) {
            composition.close();
            throw e;
        }
    }

    ReviewDesk desk() {
        return review.desk();
    }

    ReviewWiring review() {
        return review;
    }

    @Override
    public void close() {
        // the sender stops before the store it writes to closes
        review.close();
        composition.close();
    }
}
