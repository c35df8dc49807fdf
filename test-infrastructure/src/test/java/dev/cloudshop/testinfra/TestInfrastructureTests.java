package dev.cloudshop.testinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestInfrastructureTests {

	@Test
	void givesEachServiceItsOwnDatabaseOnARealPostgresServer() throws SQLException {
		TestPostgres.Database orders = TestPostgres.database("orders_check");
		TestPostgres.Database payments = TestPostgres.database("payments_check");
		try (Connection connection = DriverManager.getConnection(orders.url(), orders.username(), orders.password());
				Statement statement = connection.createStatement()) {
			statement.execute("create table probe (id int primary key)");
			statement.execute("insert into probe values (1)");
			ResultSet version = statement.executeQuery("show server_version");
			version.next();
			assertThat(version.getString(1)).startsWith("17.");
		}
		try (Connection connection = DriverManager.getConnection(payments.url(), payments.username(),
				payments.password()); Statement statement = connection.createStatement()) {
			ResultSet tables = statement.executeQuery("select count(*) from pg_tables where tablename = 'probe'");
			tables.next();
			assertThat(tables.getInt(1)).as("another service's database does not see the table").isZero();
		}
		assertThat(TestPostgres.database("orders_check")).isEqualTo(orders);
	}

	@Test
	void roundTripsARecordThroughARealKafkaBroker() {
		String topic = "probe-" + UUID.randomUUID();
		String servers = TestKafka.bootstrapServers();
		try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, "order-1", "hello")).get();
		}
		catch (Exception ex) {
			throw new AssertionError("could not produce", ex);
		}
		try (var consumer = new KafkaConsumer<String, String>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.GROUP_ID_CONFIG, "probe",
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			ConsumerRecords<String, String> records = ConsumerRecords.empty();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (records.isEmpty() && System.nanoTime() < deadline) {
				records = consumer.poll(Duration.ofMillis(500));
			}
			assertThat(records).singleElement().satisfies((record) -> {
				assertThat(record.key()).isEqualTo("order-1");
				assertThat(record.value()).isEqualTo("hello");
			});
		}
	}

}
