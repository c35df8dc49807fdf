/**
 * The RSA keys tokens are signed with: stored in the database, private keys encrypted,
 * published in the JWKS until retired, rotated by an administrator.
 */
package dev.cloudshop.auth.key;
