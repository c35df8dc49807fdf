/**
 * Real PostgreSQL and Kafka for integration tests, embedded or in Testcontainers.
 */
package dev.cloudshop.testinfra;
