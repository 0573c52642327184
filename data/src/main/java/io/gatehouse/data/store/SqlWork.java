package io.gatehouse.data.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work against the store, given a connection inside a transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
