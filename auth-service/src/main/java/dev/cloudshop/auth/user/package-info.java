/**
 * The people who sign in: customers and administrators, their passwords and roles.
 */
package dev.cloudshop.auth.user;
