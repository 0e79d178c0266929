//! Rule-based extraction from a cleaned document: entity mentions now;
//! claims, statistics and company users build on them.

pub mod entities;
