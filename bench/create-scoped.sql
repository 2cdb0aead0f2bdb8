-- pgbench script for bench/lookup's filing ceiling, as the service login: the statements the service
-- sends to file one ticket with one small PNG for a random tenant, in the same six round trips
-- (BEGIN; role + search_path; file_ticket with the ticket read back; the service-level clocks and
-- timer; the receipt mail into the outbox; COMMIT), with pgbench (C, no HTTP, no Swift) as the client.
-- Its rate is what PostgreSQL alone can do for the work a filing asks of it on this machine.
-- Run with -M extended (unnamed statements parsed on every call, as PostgresNIO sends them) and
-- -D first=F -D tenants=N. The customer (id 1), the contact and the service-level times are as the
-- service would have them for bench/create.lua's request; the mail bodies are padded to the length
-- of a real receipt (text about 330 characters, HTML about 1,700).
\set t random(:first, :first + :tenants - 1)
BEGIN;
SELECT set_config('role', 't_lk_' || :t, true), set_config('search_path', '"t_lk_' || :t || '"', true);
SELECT r.id AS ticket_id, r.code AS ticket_code, r.event_ids, r.file_ids, f.created FROM file_ticket('support', 'HT', 'received', 'Máy in tầng 3 không in được, yêu cầu số ' || :t, 'Máy in báo kẹt giấy từ sáng nay, nhờ kiểm tra giúp. Ảnh màn hình đính kèm.', 'normal', 1, 'Nguyễn Văn ' || :t, 'lien-he-' || :t || '@example.vn', '09' || lpad(:t::text, 8, '0'), 'customer', 1, 'Khách hàng ' || :t, 'customer:1', NULL, 'máy in tầng 3 không in được, yêu cầu số ' || :t || E'\nmáy in báo kẹt giấy từ sáng nay, nhờ kiểm tra giúp. ảnh màn hình đính kèm.', ARRAY['man-hinh.png'], ARRAY['image/png'], ARRAY[decode('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000008074455874436f6d6d656e740062656e63682f6c6f6f6b75703a20612031783120504e4720617474616368656420746f206576657279207469636b657420746865206372656174696f6e2070686173652066696c65732c2070616464656420746f2061626f7574203230302062797465732e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e4a0cf08f0000000b4944415478da636000020000050001e9fadcd80000000049454e44ae426082', 'hex')]) AS f CROSS JOIN LATERAL ticket_record(f.ticket_code, false) AS r \gset
SELECT save_clocks(:ticket_id, now() + interval '4 hours', now() + interval '1 day', NULL, '{}', now() + interval '4 hours');
INSERT INTO platform.outbox (ticket_code, event, sender_name, recipient, subject, text_body, html_body) VALUES (:ticket_code, 'created', 'Công ty Thử nghiệm ' || :t, 'lien-he-' || :t || '@example.vn', '[Công ty Thử nghiệm ' || :t || '] Đã tiếp nhận yêu cầu ' || :ticket_code || ': Máy in tầng 3 không in được', rpad('Kính gửi Nguyễn Văn ' || :t || E',\n\nChúng tôi đã tiếp nhận yêu cầu của bạn và sẽ phản hồi sớm nhất.\n\nMã yêu cầu: ' || :ticket_code, 330, ' .'), rpad('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Đã tiếp nhận yêu cầu ' || :ticket_code || '</title></head><body style="font-family: Arial, Helvetica, sans-serif;">', 1700, '<p>Chúng tôi đã tiếp nhận yêu cầu của bạn.</p>'));
COMMIT;
