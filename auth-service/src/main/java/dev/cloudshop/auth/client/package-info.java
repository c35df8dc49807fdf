/**
 * The OAuth2 clients the issuer knows: the gateway (for the storefront) and the command
 * line, registered at start-up, and how a public device client authenticates.
 */
package dev.cloudshop.auth.client;
