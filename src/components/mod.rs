//! The views. Each renders data from the core; none parses or searches.

pub mod article_list;
pub mod article_meta;
pub mod reader;
