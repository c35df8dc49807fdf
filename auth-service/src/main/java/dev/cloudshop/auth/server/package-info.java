/**
 * The authorization server's endpoints and who may call what: the OAuth2 and OpenID
 * Connect endpoints, the sign-in page, the device activation page, the admin API.
 */
package dev.cloudshop.auth.server;
