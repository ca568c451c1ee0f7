from django.shortcuts import get_object_or_404, render

from .models import Indicator


def indicator_list(request):
    indicators = Indicator.objects.shared()
    return render(request, "catalog/indicator_list.html", {"indicators": indicators})


def indicator_detail(request, code):
    indicator = get_object_or_404(Indicator.objects.shared(), code=code)
    return render(request, "catalog/indicator_detail.html", {"indicator": indicator})
