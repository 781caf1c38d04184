package vn.chibo.news.site;

/** A news category (chuyên mục). */
public record NewsCategory(long id, String slug, String name) {
}
