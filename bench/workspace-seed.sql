-- bench/workspace: one big tenant for the staff's ticket table, set-based, in one transaction, as
-- the tenant's own role (ownership and privileges as in production). Run by psql as the database
-- owner with -v schema=t_SLUG -v n=TICKETS. The tenant (modules it: support, complaint, feedback)
-- and the measuring member exist already (portal-admin). Adds 300 customer organisations, 24
-- agents in 6 teams, and N tickets over two years, shaped like a helpdesk's: the last 20 days
-- mostly open, older ones mostly closed (3% left open), 10% unassigned, 30 recurring titles (so a
-- searched phrase matches thousands of tickets), contacts' names, emails and phones typed per
-- ticket, due times around now (some overdue), each with its 'created' event. setseed makes the
-- same data every run.
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL ROLE :"schema";
SET LOCAL search_path = :"schema";
SELECT setseed(0.42) \g /dev/null

INSERT INTO customers (name, code)
SELECT (ARRAY['Công ty', 'Cửa hàng', 'Nhà thuốc', 'Trường', 'Khách sạn', 'Đại lý'])[1 + g % 6] || ' '
       || (ARRAY['An Phát', 'Bình Minh', 'Đức Thành', 'Hòa Bình', 'Sao Mai', 'Thành Công', 'Việt Tiến', 'Phú Quý', 'Hưng Thịnh', 'Ánh Dương'])[1 + g % 10]
       || ' ' || g,
       'WS' || lpad(g::text, 4, '0')
FROM generate_series(1, 300) AS g;
INSERT INTO contacts (customer_id, owner, name, email, phone)
SELECT id, 'customer:' || id, 'Liên hệ ' || code, lower(code) || '@example.vn', '0280' || lpad(id::text, 7, '0') FROM customers;

INSERT INTO staff_members (username, display_name, password_hash, role, team)
SELECT 'agent' || g, (ARRAY['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Đặng', 'Võ'])[1 + g % 6] || ' Văn '
       || (ARRAY['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Giang', 'Hải', 'Khoa'])[1 + g % 8] || ' ' || g,
       'not-a-hash', 'agent', 'doi-' || (1 + g % 6)
FROM generate_series(1, 24) AS g;

CREATE TEMPORARY TABLE shape ON COMMIT DROP AS
SELECT ticket_type,
       array_agg(stage ORDER BY stage) FILTER (WHERE NOT terminal) AS open_stages,
       array_agg(stage ORDER BY stage) FILTER (WHERE terminal) AS closed_stages
FROM workflow_stages GROUP BY ticket_type;

WITH input AS (
    SELECT g,
           now() - (:n - g) * (interval '730 days' / :n) AS created,
           CASE WHEN g % 10 < 7 THEN 'support' WHEN g % 10 < 9 THEN 'complaint' ELSE 'feedback' END AS ticket_type,
           (:n - g) < :n * 20 / 730 OR random() < 0.03 AS open,
           random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
    FROM generate_series(1, :n) AS g
), shaped AS (
    SELECT i.*, s.open_stages, s.closed_stages, ids.customers[1 + floor(i.r1 * cardinality(ids.customers))::int] AS customer_id,
           CASE WHEN i.r2 < 0.1 THEN NULL ELSE 1 + floor(i.r2 * 1000)::int % 24 END AS agent
    FROM input i JOIN shape s USING (ticket_type)
    CROSS JOIN (SELECT array_agg(id ORDER BY id) AS customers FROM customers) AS ids
), tk AS (
    INSERT INTO tickets (code, ticket_type, title, content, priority, customer_id, contact_id, contact_name, contact_email, contact_phone,
                         filed_by, assignee_id, team, stage, created_at, updated_at, first_response_due, resolution_due, first_response_at)
    SELECT CASE s.ticket_type WHEN 'support' THEN 'HT-' WHEN 'complaint' THEN 'KN-' ELSE 'GY-' END || lpad(s.g::text, greatest(6, length(s.g::text)), '0'),
           s.ticket_type, title.text, title.text || '. Nhờ kiểm tra giúp, mã máy ' || s.g % 997 || '.', priority.key,
           s.customer_id, c.id,
           (ARRAY['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Đặng', 'Bùi'])[1 + s.g % 10] || ' '
           || (ARRAY['Thị', 'Văn', 'Minh', 'Ngọc', 'Đức'])[1 + s.g % 5] || ' '
           || (ARRAY['Lan', 'Hùng', 'Mai', 'Tuấn', 'Hương', 'Dũng', 'Yến', 'Phúc', 'Thảo', 'Quang', 'Nga', 'Sơn'])[1 + (s.g / 10) % 12],
           'kh' || s.g || '@example.vn', '09' || lpad((s.g::bigint * 7919 % 100000000)::text, 8, '0'),
           'customer:' || s.customer_id, m.id, coalesce(m.team, ''),
           CASE WHEN s.open THEN s.open_stages[1 + floor(s.r3 * cardinality(s.open_stages))::int]
                ELSE s.closed_stages[1 + floor(s.r3 * cardinality(s.closed_stages))::int] END,
           s.created, least(now(), s.created + s.r4 * interval '3 days'),
           s.created + interval '4 hours', s.created + interval '3 days' + s.r5 * interval '20 days',
           CASE WHEN s.r4 < 0.8 THEN s.created + s.r4 * interval '3 hours' END
    FROM shaped s
    JOIN contacts c ON c.customer_id = s.customer_id
    LEFT JOIN staff_members m ON m.username = 'agent' || s.agent
    CROSS JOIN LATERAL (SELECT (ARRAY[
        'Không in được hóa đơn', 'Mất kết nối mạng', 'Đổi mật khẩu', 'Phần mềm kế toán báo lỗi', 'Máy in kẹt giấy',
        'Không đăng nhập được', 'Xuất báo cáo thuế bị lỗi', 'Chậm khi mở phiếu nhập kho', 'Cài đặt máy trạm mới', 'Sao lưu dữ liệu',
        'Lỗi font chữ khi in', 'Không gửi được email', 'Cập nhật phiên bản mới', 'Sai số liệu tồn kho', 'Khóa tài khoản người dùng',
        'Máy chủ chạy chậm', 'Không quét được mã vạch', 'Lỗi đồng bộ dữ liệu', 'Hóa đơn điện tử bị từ chối', 'Thêm người dùng mới',
        'Màn hình bán hàng treo', 'Không kết nối được máy chấm công', 'Phân quyền nhân viên', 'Lỗi tính lương', 'Khôi phục dữ liệu đã xóa',
        'Đổi mẫu hóa đơn', 'Máy POS không nhận thẻ', 'Cấu hình VPN', 'Góp ý giao diện', 'Khiếu nại thời gian xử lý'
    ])[1 + s.g % 30] AS text) AS title
    CROSS JOIN LATERAL (SELECT CASE WHEN s.r5 < 0.2 THEN 'low' WHEN s.r5 < 0.75 THEN 'normal' WHEN s.r5 < 0.95 THEN 'high' ELSE 'urgent' END AS key) AS priority
    RETURNING id, created_at, stage
)
INSERT INTO ticket_events (ticket_id, occurred_at, actor_kind, actor_id, actor_name, kind, to_stage, public)
SELECT tk.id, tk.created_at, 'system', NULL, 'bench', 'created', tk.stage, true FROM tk;

INSERT INTO ticket_counters (code_prefix, last_number) VALUES ('HT', :n), ('KN', :n), ('GY', :n)
ON CONFLICT (code_prefix) DO UPDATE SET last_number = EXCLUDED.last_number;
COMMIT;
