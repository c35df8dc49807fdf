insert into product (sku, name, description, category, price, currency) values
    ('KB-0001', 'Mechanical Keyboard', 'Tenkeyless keyboard with tactile brown switches', 'Computing', 89.00, 'EUR'),
    ('MS-0002', 'Wireless Mouse', 'Ergonomic mouse with a silent click and USB-C charging', 'Computing', 34.50, 'EUR'),
    ('MN-0003', '27-inch Monitor', 'QHD IPS panel, 75 Hz, height adjustable stand', 'Computing', 279.00, 'EUR'),
    ('HP-0004', 'Noise Cancelling Headphones', 'Over-ear, 30 hours of battery', 'Audio', 199.99, 'EUR'),
    ('SP-0005', 'Bluetooth Speaker', 'Waterproof portable speaker', 'Audio', 59.90, 'EUR'),
    ('EB-0006', 'Wireless Earbuds', 'In-ear buds with a charging case', 'Audio', 79.00, 'EUR'),
    ('CF-0007', 'Pour-over Coffee Set', 'Glass dripper, server and 100 filters', 'Kitchen', 42.00, 'EUR'),
    ('KN-0008', 'Chef''s Knife', '20 cm forged stainless steel blade', 'Kitchen', 64.95, 'EUR'),
    ('PN-0009', 'Cast Iron Pan', 'Pre-seasoned 26 cm skillet', 'Kitchen', 39.90, 'EUR'),
    ('BK-0010', 'Release It!', 'Design and deploy production-ready software, 2nd edition', 'Books', 41.50, 'EUR'),
    ('BK-0011', 'Building Microservices', 'Designing fine-grained systems, 2nd edition', 'Books', 49.90, 'EUR'),
    ('BP-0012', 'Commuter Backpack', '20 litre backpack with a padded laptop sleeve', 'Accessories', 74.00, 'EUR');
