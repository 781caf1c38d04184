-- Writing and publishing (issue: news §2): who wrote an article and the reviewer's note when it is returned.
alter table news_article add column author_username text;
alter table news_article add column review_note text;
create index news_article_author on news_article (committee_id, author_username);
