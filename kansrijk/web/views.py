from django.shortcuts import render

from kansrijk.coalitions.access import memberships_of


def home(request):
    return render(request, "web/home.html", {"memberships": memberships_of(request.user)})
