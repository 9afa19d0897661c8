"""Privacy centre paths."""

app_name = "privacy"
urlpatterns: list = []
