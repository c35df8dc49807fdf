/**
 * Starts the whole suite on one machine without Docker, each part in its own process.
 */
package dev.cloudshop.localstack;
