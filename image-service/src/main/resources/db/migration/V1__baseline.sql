create table image (
	id           uuid primary key,
	owner        varchar(100) not null,
	content_type varchar(100) not null,
	width        int          not null check (width > 0),
	height       int          not null check (height > 0),
	created_at   timestamptz  not null
);

create index image_owner_idx on image (owner);
