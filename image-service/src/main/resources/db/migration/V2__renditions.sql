-- Each image's renditions, bytes included: every instance serves every image, and
-- nothing lives on a local disk. An image and its renditions are written in one
-- transaction and deleted together.
create table rendition (
	image_id     uuid         not null references image (id) on delete cascade,
	name         varchar(20)  not null check (name in ('original', 'medium', 'thumbnail')),
	content_type varchar(100) not null,
	width        int          not null check (width > 0),
	height       int          not null check (height > 0),
	sha256       varchar(64)  not null check (sha256 ~ '^[0-9a-f]{64}$'),
	bytes        bytea        not null,
	primary key (image_id, name)
);

-- JPEG and PNG bytes are already compressed: store them out of line without trying again.
alter table rendition alter column bytes set storage external;

-- The list by owner is newest first.
drop index image_owner_idx;
create index image_owner_created_at_idx on image (owner, created_at desc);
