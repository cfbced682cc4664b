import { type Kysely, sql } from "kysely";

// 一屏智判 and 阳光登记 (issue 14): daily figures kept by triggers on the live tables, so every
// dashboard query reads a few hundred rows whatever the size of the register; complaints (投诉)
// and compensation claims (赔偿). Days are China days (Asia/Shanghai). Existing rows are counted
// once here. Forward-only. Plain SQL that runs on PostgreSQL 15 and PGlite.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Per day, registering office and business type: submissions (online = not by staff) by the
    -- day submitted; registrations (instant, on time, processing seconds, transfer prices) by
    -- the day registered.
    create table case_day_figures (
      day date not null,
      jurisdiction char(6) not null,
      type_id text not null,
      submitted integer not null default 0,
      online integer not null default 0,
      registered integer not null default 0,
      instant integer not null default 0,
      on_time integer not null default 0,
      processing_seconds bigint not null default 0,
      transfers integer not null default 0,
      transfer_price_fen numeric not null default 0,
      primary key (day, jurisdiction, type_id)
    );

    create function case_day_figures_track() returns trigger language plpgsql as $$
    declare
      price record;
    begin
      if new.submitted_at is not null and (tg_op = 'INSERT' or old.submitted_at is null) then
        insert into case_day_figures as f (day, jurisdiction, type_id, submitted, online)
        values ((new.submitted_at at time zone 'Asia/Shanghai')::date, new.jurisdiction, new.type_id, 1,
          case when new.creator_kind = 'staff' then 0 else 1 end)
        on conflict (day, jurisdiction, type_id) do update
          set submitted = f.submitted + 1, online = f.online + excluded.online;
      end if;
      if new.registered_at is not null and (tg_op = 'INSERT' or old.registered_at is null) then
        select count(*)::int as n, coalesce(sum((details->>'priceFen')::numeric), 0) as fen into price
          from case_parts where case_id = new.id and type_id like 'transfer.%' and details ? 'priceFen';
        insert into case_day_figures as f
          (day, jurisdiction, type_id, registered, instant, on_time, processing_seconds, transfers, transfer_price_fen)
        values ((new.registered_at at time zone 'Asia/Shanghai')::date, new.jurisdiction, new.type_id, 1,
          case when new.instant_route->>'route' = 'automatic' then 1 else 0 end,
          case when new.deadline is null
            or (new.registered_at at time zone 'Asia/Shanghai')::date <= new.deadline then 1 else 0 end,
          greatest(0, extract(epoch from new.registered_at - coalesce(new.submitted_at, new.created_at)))::bigint,
          price.n, price.fen)
        on conflict (day, jurisdiction, type_id) do update
          set registered = f.registered + 1, instant = f.instant + excluded.instant,
            on_time = f.on_time + excluded.on_time,
            processing_seconds = f.processing_seconds + excluded.processing_seconds,
            transfers = f.transfers + excluded.transfers,
            transfer_price_fen = f.transfer_price_fen + excluded.transfer_price_fen;
      end if;
      return null;
    end $$;
    create trigger cases_day_figures after insert or update of submitted_at, registered_at on cases
      for each row execute function case_day_figures_track();

    insert into case_day_figures (day, jurisdiction, type_id, submitted, online)
      select (submitted_at at time zone 'Asia/Shanghai')::date, jurisdiction, type_id, count(*),
        count(*) filter (where creator_kind <> 'staff')
      from cases where submitted_at is not null group by 1, 2, 3;
    insert into case_day_figures as f
        (day, jurisdiction, type_id, registered, instant, on_time, processing_seconds, transfers, transfer_price_fen)
      select (c.registered_at at time zone 'Asia/Shanghai')::date, c.jurisdiction, c.type_id, count(*),
        count(*) filter (where c.instant_route->>'route' = 'automatic'),
        count(*) filter (where c.deadline is null or (c.registered_at at time zone 'Asia/Shanghai')::date <= c.deadline),
        coalesce(sum(greatest(0, extract(epoch from c.registered_at - coalesce(c.submitted_at, c.created_at)))::bigint), 0),
        coalesce(sum(p.n), 0), coalesce(sum(p.fen), 0)
      from cases c
      left join lateral (
        select count(*)::int as n, coalesce(sum((details->>'priceFen')::numeric), 0) as fen from case_parts
        where case_id = c.id and type_id like 'transfer.%' and details ? 'priceFen'
      ) p on true
      where c.registered_at is not null group by 1, 2, 3
      on conflict (day, jurisdiction, type_id) do update
        set registered = excluded.registered, instant = excluded.instant, on_time = excluded.on_time,
          processing_seconds = excluded.processing_seconds, transfers = excluded.transfers,
          transfer_price_fen = excluded.transfer_price_fen;

    -- Staff workload: the stage actions each staff member took per day and office.
    create table staff_day_figures (
      day date not null,
      office char(6) not null,
      actor_id uuid not null,
      actions integer not null default 0,
      primary key (day, office, actor_id)
    );
    create function staff_day_figures_track() returns trigger language plpgsql as $$
    begin
      if new.actor_id is not null and new.office is not null
        and new.actor_role not in ('applicant', 'system') then
        insert into staff_day_figures as f (day, office, actor_id, actions)
        values ((new.at at time zone 'Asia/Shanghai')::date, new.office, new.actor_id, 1)
        on conflict (day, office, actor_id) do update set actions = f.actions + 1;
      end if;
      return null;
    end $$;
    create trigger case_transitions_staff_figures after insert on case_transitions
      for each row execute function staff_day_figures_track();
    insert into staff_day_figures (day, office, actor_id, actions)
      select (at at time zone 'Asia/Shanghai')::date, office, actor_id, count(*) from case_transitions
      where actor_id is not null and office is not null and actor_role not in ('applicant', 'system')
      group by 1, 2, 3;

    -- Mortgage financing and disputes from the register: per day, office, kind and holder (the
    -- bank for a mortgage) the restrictions registered and their amounts.
    create table encumbrance_day_figures (
      day date not null,
      jurisdiction char(6) not null,
      kind text not null,
      holder_name text not null,
      registered integer not null default 0,
      amount numeric not null default 0,
      primary key (day, jurisdiction, kind, holder_name)
    );
    create function encumbrance_day_figures_track() returns trigger language plpgsql as $$
    begin
      insert into encumbrance_day_figures as f (day, jurisdiction, kind, holder_name, registered, amount)
      values ((new.registered_at at time zone 'Asia/Shanghai')::date, new.jurisdiction, new.kind,
        case when new.kind = 'mortgage' then new.holder_name else '' end, 1, coalesce(new.amount, 0))
      on conflict (day, jurisdiction, kind, holder_name) do update
        set registered = f.registered + 1, amount = f.amount + excluded.amount;
      return null;
    end $$;
    create trigger encumbrances_day_figures after insert on encumbrances
      for each row execute function encumbrance_day_figures_track();
    insert into encumbrance_day_figures (day, jurisdiction, kind, holder_name, registered, amount)
      select (registered_at at time zone 'Asia/Shanghai')::date, jurisdiction, kind,
        case when kind = 'mortgage' then holder_name else '' end, count(*), coalesce(sum(amount), 0)
      from encumbrances group by 1, 2, 3, 4;

    -- 投诉: anyone, without logging in, about the registry or the cadastre; answered by the
    -- office's staff before the deadline; published without the contact.
    create table complaints (
      id uuid primary key default gen_random_uuid(),
      tracking_no text collate "C" not null unique,
      office char(6) not null,
      topic text not null check (topic in ('registry','cadastre')),
      case_ref text,
      content text not null,
      contact_name text not null,
      contact_phone_enc text not null,
      filed_at timestamptz not null default now(),
      answer_due date not null,
      status text not null default 'open' check (status in ('open','answered')),
      answer text,
      answered_by uuid,
      answered_at timestamptz
    );
    create index complaints_office on complaints (office, filed_at desc);

    -- 赔偿 (民法典 222, 条例 29): a claim for a loss caused by a registry error, its review with
    -- the legal basis, the decision and the payment record.
    create table compensation_claims (
      id uuid primary key default gen_random_uuid(),
      number text collate "C" not null unique,
      office char(6) not null,
      case_ref text,
      claimant_account uuid not null,
      claimant_name text not null,
      loss_fen bigint not null check (loss_fen > 0),
      description text not null,
      filed_at timestamptz not null default now(),
      status text not null default 'filed' check (status in ('filed','reviewed','decided','paid')),
      review jsonb,
      decision jsonb,
      payment jsonb,
      updated_at timestamptz not null default now()
    );
    create index compensation_claims_office on compensation_claims (office, filed_at desc);
  `.execute(db);
}
