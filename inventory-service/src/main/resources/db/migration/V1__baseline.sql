create table product (
    id          bigint generated always as identity primary key,
    sku         varchar(64)    not null unique,
    name        varchar(200)   not null,
    description varchar(2000),
    category    varchar(100)   not null,
    price       numeric(19, 4) not null check (price > 0),
    currency    varchar(3)     not null,
    image_id    varchar(64)
);

create index product_category_idx on product (lower(category));
