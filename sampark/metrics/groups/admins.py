"""Whether a group's designated admin (SHO / CO, the group's `admin_phone`) is admin now.

Pure. One rule, one function: `designated_admin_status` answers for every group, and the
one-group view (`designated_admin_is_admin`) is that function run on the one group, so Group
health's table and a group's member panel can never disagree.

## The rule

The designated admin is admin now when, by the chat and roster rule of
`sampark.metrics.groups.memberships` (the newer dated evidence about a person wins), they are
a member now and the winning source says admin:

- the roster's admin column speaks for the date of the group's newest roster;
- the chat speaks with "made admin" / "dismissed as admin" lines, and with exits and joins:
  one who left or was removed is no longer admin, and one added or joining by link is no
  admin until made one (WhatsApp makes a newcomer a plain member);
- a chat event on or after the roster's day overrules the roster (the roster carries a date,
  the chat the minute); a roster newer than the chat's last word on the person overrules the
  chat. The answer says whose account it took: "roster" or "chat". A designated admin whom
  neither names is not admin, by the roster (which does not list them as one).
"""

from __future__ import annotations

import polars as pl

STATUS_SCHEMA: dict[str, pl.DataType] = {
    "group_id": pl.String(),
    "admin_is_admin": pl.Boolean(),  # null: the group names no designated admin
    "admin_by": pl.String(),  # roster | chat: whose account the answer rests on
}


def designated_admin_status(groups: pl.DataFrame, standing: pl.DataFrame) -> pl.DataFrame:
    """One row per group (`STATUS_SCHEMA`): whether its designated admin is admin now, and by
    whose account.

    groups: group_id, admin_phone; standing: people by the chat and roster rule (group_id,
    person, is_member, is_admin, source), as `standing.standing_by_group` gives them.

    >>> g = pl.DataFrame({"group_id": ["G", "H"], "admin_phone": ["+91900", "+91901"]})
    >>> s = pl.DataFrame({"group_id": ["G", "H"], "person": ["+91900", "+91901"],
    ...     "is_member": [True, True], "is_admin": [True, False], "source": ["chat", "chat"]})
    >>> designated_admin_status(g, s).rows()
    [('G', True, 'chat'), ('H', False, 'chat')]
    """
    keys = ["group_id", "person"]
    designated = groups.select(
        pl.col("group_id").cast(pl.String), pl.col("admin_phone").cast(pl.String).alias("person")
    )
    people = standing.select(*keys, "is_member", "is_admin", "source")
    no_admin = pl.col("person").is_null()
    return (
        designated.join(people, on=keys, how="left")
        .select(
            "group_id",
            pl.when(no_admin)
            .then(None)
            .otherwise((pl.col("is_member") & pl.col("is_admin")).fill_null(False))
            .alias("admin_is_admin"),
            pl.when(no_admin)
            .then(None)
            .otherwise(pl.col("source").fill_null("roster"))
            .alias("admin_by"),
        )
        .cast(STATUS_SCHEMA)  # type: ignore[arg-type]
        .sort("group_id")
    )


def designated_admin_is_admin(
    standing: pl.DataFrame, admin_phone: str | None
) -> tuple[bool | None, str | None]:
    """One group's answer: `designated_admin_status` run on that group alone. standing: the
    group's people by the rule (person, is_member, is_admin, source), as
    `standing.group_standing` gives them → (admin now, "roster" | "chat"); (None, None) when
    the group names no admin.

    >>> s = pl.DataFrame({"person": ["+91900"], "is_member": [False], "is_admin": [True],
    ...     "source": ["chat"]})
    >>> designated_admin_is_admin(s, "+91900"), designated_admin_is_admin(s, None)
    ((False, 'chat'), (None, None))
    """
    one = pl.lit("", pl.String).alias("group_id")
    groups = pl.DataFrame({"admin_phone": [admin_phone]}, schema={"admin_phone": pl.String})
    status = designated_admin_status(groups.with_columns(one), standing.with_columns(one))
    admin, by = status.row(0)[1:]
    return admin, by
