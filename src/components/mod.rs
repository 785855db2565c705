//! The views. Each renders data from the core; none parses or searches.

pub mod article_meta;
pub mod facets;
pub mod highlight;
pub mod match_nav;
pub mod reader;
pub mod results;
pub mod search_box;
pub mod settings;
pub mod shortcuts;
