//! The statistics view (a key from the supervision pane): a month or a year of the figures
//! `xfdesk report` gives, counted when the view opens, when the period changes and on request
//! (not on every change elsewhere: a year at a million cases is a long count), with the trend
//! of repeat contacts over the twelve months to the period's end.

use crate::app::context::Ctx;
use crate::domain::report::{Names, Period, Report, Tally};
use crate::store::Result;
use chrono::NaiveDateTime;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatsCommand {
    PrevPeriod,
    NextPeriod,
    /// Month ⇄ year.
    MonthOrYear,
    /// Overview → by unit → by first handler.
    NextPage,
    Up,
    Down,
    Recount,
    Back,
}

/// What the view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatsPage {
    #[default]
    Overview,
    Units,
    Handlers,
}

#[derive(Debug, Default)]
pub struct StatsView {
    pub period: Option<Period>,
    pub page: StatsPage,
    pub report: Option<Report>,
    /// Repeat contacts by the month they came in, the twelve months to the period's end (or
    /// to this month, for a period not over yet).
    pub trend: Tally,
    /// The last month of the trend.
    pub trend_end: Option<chrono::NaiveDate>,
    pub names: Names,
    pub counted_at: Option<NaiveDateTime>,
    /// The first row of a table page in view.
    pub scroll: usize,
}

impl StatsView {
    /// Count the period (this month when none was chosen).
    pub fn count(&mut self, ctx: &mut Ctx<'_>) -> Result<()> {
        let today = ctx.session.today();
        let period = *self.period.get_or_insert_with(|| Period::month_of(today));
        self.report = Some(ctx.store.report(period, today)?);
        let end = period.to.min(today);
        let year_back = Period::month_of(end).shifted(-11);
        self.trend = ctx.store.repeat_trend(Period {
            from: year_back.from,
            to: end,
        })?;
        self.trend_end = Some(end);
        self.names = Names::new(
            &ctx.session.units,
            &ctx.store.list_staff()?,
            &ctx.session.categories,
        );
        self.counted_at = Some(ctx.session.now);
        Ok(())
    }

    pub fn handle(&mut self, command: StatsCommand, ctx: &mut Ctx<'_>) -> Result<bool> {
        let today = ctx.session.today();
        let period = self.period.unwrap_or_else(|| Period::month_of(today));
        match command {
            StatsCommand::PrevPeriod | StatsCommand::NextPeriod => {
                let by = if command == StatsCommand::PrevPeriod {
                    -1
                } else {
                    1
                };
                let next = period.shifted(by);
                if next.from > today {
                    return Ok(false);
                }
                self.period = Some(next);
                self.scroll = 0;
                self.count(ctx)?;
            }
            StatsCommand::MonthOrYear => {
                self.period = Some(if period.is_year() {
                    Period::month_of(today.min(period.to))
                } else {
                    Period::year(chrono::Datelike::year(&period.from)).unwrap_or(period)
                });
                self.scroll = 0;
                self.count(ctx)?;
            }
            StatsCommand::NextPage => {
                self.page = match self.page {
                    StatsPage::Overview => StatsPage::Units,
                    StatsPage::Units => StatsPage::Handlers,
                    StatsPage::Handlers => StatsPage::Overview,
                };
                self.scroll = 0;
            }
            StatsCommand::Up => self.scroll = self.scroll.saturating_sub(1),
            StatsCommand::Down => {
                let rows = self.report.as_ref().map_or(0, |r| match self.page {
                    StatsPage::Units => r.by_unit.len(),
                    StatsPage::Handlers => r.by_first_handler.len(),
                    StatsPage::Overview => 0,
                });
                if self.scroll + 1 < rows {
                    self.scroll += 1;
                }
            }
            StatsCommand::Recount => self.count(ctx)?,
            StatsCommand::Back => return Ok(true),
        }
        Ok(false)
    }
}
