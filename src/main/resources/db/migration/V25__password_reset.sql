-- "Forgot password": a one-time link sent by e-mail to the member an account belongs to. Only a SHA-256 of the
-- link's token is kept; it expires, and it is used once.
create table password_reset (
	token_hash text primary key,
	committee_id bigint not null,
	user_id bigint not null,
	expires_at timestamptz not null,
	used_at timestamptz,
	created_at timestamptz not null default now(),
	foreign key (committee_id, user_id) references app_user (committee_id, id)
);
create index password_reset_user on password_reset (committee_id, user_id);
