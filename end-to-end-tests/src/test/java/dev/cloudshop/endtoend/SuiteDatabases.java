package dev.cloudshop.endtoend;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cloudshop.localstack.LocalStack;

/**
 * Reads the services' own databases, to check what no API shows: how many charges were
 * made, how stock moved.
 */
final class SuiteDatabases {

	private final LocalStack stack;

	SuiteDatabases(LocalStack stack) {
		this.stack = stack;
	}

	long count(String database, String sql, Object... parameters) {
		try (Connection connection = DriverManager.getConnection(this.stack.jdbcUrl(database), database, database);
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	/**
	 * Every row a query returns, each as its columns' values in order.
	 */
	List<List<Object>> rows(String database, String sql, Object... parameters) {
		try (Connection connection = DriverManager.getConnection(this.stack.jdbcUrl(database), database, database);
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				List<List<Object>> rows = new ArrayList<>();
				int columns = result.getMetaData().getColumnCount();
				while (result.next()) {
					List<Object> row = new ArrayList<>(columns);
					for (int column = 1; column <= columns; column++) {
						row.add(result.getObject(column));
					}
					rows.add(row);
				}
				return rows;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	/**
	 * Each product's available + reserved + sold units: moving stock never changes it.
	 */
	Map<String, Long> stockTotals() {
		try (Connection connection = DriverManager.getConnection(this.stack.jdbcUrl("inventory"), "inventory",
				"inventory");
				ResultSet result = connection.createStatement()
					.executeQuery("select sku, available + reserved + sold from stock order by sku")) {
			Map<String, Long> totals = new LinkedHashMap<>();
			while (result.next()) {
				totals.put(result.getString(1), result.getLong(2));
			}
			return totals;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Map<String, Long> stockOf(String sku) {
		try (Connection connection = DriverManager.getConnection(this.stack.jdbcUrl("inventory"), "inventory",
				"inventory");
				PreparedStatement statement = connection
					.prepareStatement("select available, reserved, sold from stock where sku = ?")) {
			statement.setString(1, sku);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return Map.of("available", result.getLong(1), "reserved", result.getLong(2), "sold", result.getLong(3));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Money taken and kept: approved payments not refunded.
	 */
	long chargesKept() {
		return count("payments", "select count(*) from payment where status = 'APPROVED'");
	}

	long processedOrders() {
		return count("orders", "select count(*) from orders where status = 'PROCESSED'");
	}

	long paymentsFor(String orderId) {
		return count("payments", "select count(*) from payment where order_id = ?", orderId);
	}

}
