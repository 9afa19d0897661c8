"""Paths of conversations: the public blog under /blog/, console pages under /console/."""

from django.urls import path

from sincerely.conversations import blog_views, feeds, views

app_name = "conversations"
urlpatterns = [
    path("healthz", blog_views.healthz, name="healthz"),
    # Public blog
    path("blog/", blog_views.index, name="blog"),
    path("blog/rss.xml", feeds.BlogRss(), name="rss"),
    path("blog/atom.xml", feeds.BlogAtom(), name="atom"),
    path("blog/authors/<str:username>/", blog_views.author, name="author"),
    path("blog/authors/<str:username>/photo", blog_views.author_photo, name="author_photo"),
    path("blog/authors/<str:username>/rss.xml", feeds.AuthorRss(), name="author_rss"),
    path("blog/authors/<str:username>/atom.xml", feeds.AuthorAtom(), name="author_atom"),
    path("blog/tags/<slug:slug>/", blog_views.tag, name="tag"),
    path("blog/tags/<slug:slug>/rss.xml", feeds.TagRss(), name="tag_rss"),
    path("blog/tags/<slug:slug>/atom.xml", feeds.TagAtom(), name="tag_atom"),
    path("blog/images/<int:image_id>/<str:name>", blog_views.image, name="image"),
    path("blog/comments/confirm/<str:token>/", blog_views.confirm_comment, name="confirm_comment"),
    path("blog/comments/unsubscribe/<str:token>/", blog_views.unsubscribe, name="unsubscribe"),
    path("blog/<slug:slug>/", blog_views.post, name="post"),
    path("blog/<slug:slug>/comment", blog_views.comment, name="comment"),
    # Console
    path("console/blog/", views.posts, name="posts"),
    path("console/blog/new/", views.post_new, name="post_new"),
    path("console/blog/preview", views.post_preview, name="post_preview"),
    path("console/blog/<int:post_id>/", views.post_edit, name="post_edit"),
    path("console/blog/<int:post_id>/images", views.post_image, name="post_image"),
    path("console/inbox/", views.inbox, name="inbox"),
    path("console/inbox/<int:conversation_id>/", views.conversation, name="conversation"),
    path(
        "console/inbox/<int:conversation_id>/<str:action>",
        views.conversation_act,
        name="conversation_act",
    ),
    path("console/comments/<int:comment_id>/moderate", views.moderate, name="moderate"),
    path("console/incidents/", views.incidents, name="incidents"),
    path("console/incidents/<int:incident_id>/", views.incident, name="incident"),
    path(
        "console/incidents/<int:incident_id>/<str:action>",
        views.incident_act,
        name="incident_act",
    ),
]
