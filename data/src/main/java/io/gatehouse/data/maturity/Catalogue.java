package io.gatehouse.data.maturity;

import io.gatehouse.data.defense.AuditItem;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an assessment asks: the maturity criteria per dimension and level, and the defensive audit
 * checklist. Ids are unique across both, so an answer can never be attached to the wrong question.
 */
public record Catalogue(String name, List<Criterion> criteria, List<AuditItem> auditItems) {
    public Catalogue {
        Objects.requireNonNull(name, "name");
        criteria = List.copyOf(criteria);
        auditItems = auditItems == null ? List.of() : List.copyOf(auditItems);
        Set<String> ids = new HashSet<>();
        for (Criterion c : criteria) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("duplicate id '" + c.id() + "' in the catalogue");
            }
        }
        for (AuditItem i : auditItems) {
            if (!ids.add(i.id())) {
                throw new IllegalArgumentException("duplicate id '" + i.id() + "' in the catalogue");
            }
        }
    }

    /** The criteria of one dimension at one level, in catalogue order. */
    public List<Criterion> criteria(Dimension dimension, int level) {
        return criteria.stream().filter(c -> c.dimension() == dimension && c.level() == level).toList();
    }

    public Optional<Criterion> criterion(String id) {
        return criteria.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<AuditItem> auditItem(String id) {
        return auditItems.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
