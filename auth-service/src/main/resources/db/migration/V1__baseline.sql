-- Users, in the schema JdbcUserDetailsManager reads and writes. Passwords are stored by
-- the DelegatingPasswordEncoder: "{bcrypt}$2a$10$...".
create table users (
    username varchar(50) primary key,
    password varchar(500) not null,
    enabled boolean not null
);

create table authorities (
    username varchar(50) not null references users (username) on delete cascade,
    authority varchar(50) not null
);

create unique index authorities_username_authority on authorities (username, authority);

-- Spring Authorization Server's JDBC schema (oauth2-registered-client-schema.sql,
-- oauth2-authorization-schema.sql, oauth2-authorization-consent-schema.sql), with the
-- changes its comments ask for on PostgreSQL: text for blob, timestamptz for timestamp.
create table oauth2_registered_client (
    id varchar(100) not null,
    client_id varchar(100) not null,
    client_id_issued_at timestamptz default current_timestamp not null,
    client_secret varchar(200) default null,
    client_secret_expires_at timestamptz default null,
    client_name varchar(200) not null,
    client_authentication_methods varchar(1000) not null,
    authorization_grant_types varchar(1000) not null,
    redirect_uris varchar(1000) default null,
    post_logout_redirect_uris varchar(1000) default null,
    scopes varchar(1000) not null,
    client_settings varchar(2000) not null,
    token_settings varchar(2000) not null,
    primary key (id)
);

create unique index oauth2_registered_client_client_id on oauth2_registered_client (client_id);

create table oauth2_authorization (
    id varchar(100) not null,
    registered_client_id varchar(100) not null,
    principal_name varchar(200) not null,
    authorization_grant_type varchar(100) not null,
    authorized_scopes varchar(1000) default null,
    attributes text default null,
    state varchar(500) default null,
    authorization_code_value text default null,
    authorization_code_issued_at timestamptz default null,
    authorization_code_expires_at timestamptz default null,
    authorization_code_metadata text default null,
    access_token_value text default null,
    access_token_issued_at timestamptz default null,
    access_token_expires_at timestamptz default null,
    access_token_metadata text default null,
    access_token_type varchar(100) default null,
    access_token_scopes varchar(1000) default null,
    oidc_id_token_value text default null,
    oidc_id_token_issued_at timestamptz default null,
    oidc_id_token_expires_at timestamptz default null,
    oidc_id_token_metadata text default null,
    refresh_token_value text default null,
    refresh_token_issued_at timestamptz default null,
    refresh_token_expires_at timestamptz default null,
    refresh_token_metadata text default null,
    user_code_value text default null,
    user_code_issued_at timestamptz default null,
    user_code_expires_at timestamptz default null,
    user_code_metadata text default null,
    device_code_value text default null,
    device_code_issued_at timestamptz default null,
    device_code_expires_at timestamptz default null,
    device_code_metadata text default null,
    primary key (id)
);

create table oauth2_authorization_consent (
    registered_client_id varchar(100) not null,
    principal_name varchar(200) not null,
    authorities varchar(1000) not null,
    primary key (registered_client_id, principal_name)
);

-- The RSA keys tokens are signed with. Every key not retired is published in the JWKS;
-- the newest active one signs. Rotation adds a new active key and deactivates the others,
-- which stay published until retired, so tokens they signed still verify.
create table signing_keys (
    kid varchar(64) primary key,
    -- X.509 SubjectPublicKeyInfo, DER
    public_key bytea not null,
    -- PKCS#8, DER, encrypted with AES-GCM: 12-byte nonce, then ciphertext and tag
    private_key bytea not null,
    created_at timestamptz not null,
    active boolean not null,
    retired_at timestamptz
);
